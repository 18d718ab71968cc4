// "/" focuses search (the search page's own box first) unless the reader is typing.
document.addEventListener("keydown", (e) => {
  const t = e.target;
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
  const box = document.getElementById("search-query") || document.getElementById("header-search");
  e.preventDefault(); box.focus(); box.select();
});
