// The picker submits ?a=l2&b=l4 here; go straight to that comparison (lower level first).
(function () {
  var q = new URLSearchParams(location.search), a = q.get("a"), b = q.get("b");
  if (!a || !b || a === b) return;
  var links = Array.prototype.map.call(document.querySelectorAll(".pairs a"), function (x) { return x.getAttribute("href"); });
  var want = [a + "-vs-" + b + "/", b + "-vs-" + a + "/"];
  for (var i = 0; i < links.length; i++) {
    for (var j = 0; j < want.length; j++) { if (links[i].slice(-want[j].length) === want[j]) { location.replace(links[i]); return; } }
  }
})();
