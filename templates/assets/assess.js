// The self-assessment page (layouts/assess.mustache): ticks and evidence notes kept in the address
// fragment (#s=…, deflate-raw compressed, base64url) and in localStorage, so a copied link opens with the
// same state in any browser. The state carries the page's version; a link made against another version
// says which of its criteria changed or are gone. No dependencies, no network.
(function () {
  "use strict";
  var form = document.getElementById("assess-form");
  if (!form) return;
  var version = form.getAttribute("data-version");
  var storageKey = "ladder-assess:" + location.pathname;
  var status = document.getElementById("assess-status");
  var notice = document.getElementById("assess-notice");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name=tick]"));
  var notes = Array.prototype.slice.call(form.querySelectorAll("textarea[name=note]"));
  // The page's words (data-strings, from the site's language): say("count", {ticked, total}) fills a
  // message's {placeholders}; a message by number ({"one": …, "other": …}) is chosen by the language's rules.
  var strings = JSON.parse(form.getAttribute("data-strings") || "{}");
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
  function say(key, values) {
    values = values || {};
    var message = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    if (typeof message === "object") {
      message = message["=" + values.count] || (plurals && message[plurals.select(values.count)]) || message.other;
    }
    return String(message).replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }
  var known = {};
  boxes.forEach(function (box) { known[box.value] = true; });
  // The ids criteria had before they were reworded (history: in site.yml), on each criterion as
  // data-aliases='["old id", …]': a tick made against an earlier version lands on the criterion it became.
  var aliasOf = {};
  Array.prototype.forEach.call(form.querySelectorAll("li.assess-criterion[data-aliases]"), function (li) {
    var olds = [];
    try { olds = JSON.parse(li.getAttribute("data-aliases")) || []; } catch (e) { olds = []; }
    olds.forEach(function (old) { if (!known[old] && !aliasOf[old]) aliasOf[old] = li.getAttribute("data-id"); });
  });

  function textOf(id) {
    var box = boxes.filter(function (b) { return b.value === id; })[0];
    return box ? box.labels[0].textContent : "";
  }

  // --- state <-> page ---
  function collect() {
    var state = { v: version, t: [], n: {}, x: {} };
    boxes.forEach(function (box) { if (box.checked && state.t.indexOf(box.value) < 0) state.t.push(box.value); });
    notes.forEach(function (note) { if (note.value.trim() !== "") state.n[note.getAttribute("data-id")] = note.value; });
    // The text of what was ticked or noted, so a later version can name what changed.
    state.t.concat(Object.keys(state.n)).forEach(function (id) { state.x[id] = textOf(id).slice(0, 160); });
    return state;
  }

  function apply(state) {
    var ticked = {}, notesByID = {}, reworded = {};
    Object.keys(state.n || {}).forEach(function (id) { notesByID[id] = state.n[id]; });
    (state.t || []).forEach(function (id) {
      ticked[id] = true;
      // Ticked under an id the criterion had before it was reworded: the tick is kept on what it became.
      if (!known[id] && aliasOf[id]) { ticked[aliasOf[id]] = true; reworded[aliasOf[id]] = id; }
    });
    Object.keys(state.n || {}).forEach(function (id) {
      var now = !known[id] && aliasOf[id];
      if (now && !notesByID[now]) { notesByID[now] = state.n[id]; reworded[now] = reworded[now] || id; }
    });
    boxes.forEach(function (box) { box.checked = !!ticked[box.value]; });
    notes.forEach(function (note) { note.value = notesByID[note.getAttribute("data-id")] || ""; });
    markReworded(reworded, state);
    var missing = [];
    Object.keys(ticked).concat(Object.keys(state.n || {})).forEach(function (id) {
      if (!known[id] && !aliasOf[id] && missing.indexOf(id) < 0) missing.push(id);
    });
    showChanges(state, missing);
    refresh();
  }

  // "reworded since you ticked it", in words beside each criterion a tick or note was carried over to.
  function markReworded(reworded, state) {
    Array.prototype.forEach.call(form.querySelectorAll(".assess-reworded"), function (mark) { mark.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("li.assess-criterion"), function (li) {
      var old = reworded[li.getAttribute("data-id")];
      li.classList.toggle("is-reworded", !!old);
      if (!old) return;
      var mark = document.createElement("p");
      mark.className = "assess-reworded";
      var strong = document.createElement("strong");
      strong.textContent = say("reworded");
      mark.appendChild(strong);
      var was = (state.x || {})[old];
      if (was) mark.appendChild(document.createTextNode(" " + say("was", { text: was })));
      // After the label and its permalink: the first row of the criterion's grid stays as it is.
      var after = li.querySelector(".assess-permalink") || li.querySelector("label");
      li.insertBefore(mark, after.nextSibling);
    });
  }

  function showChanges(state, missing) {
    if (!missing.length) { notice.hidden = true; notice.textContent = ""; return; }
    notice.textContent = "";
    var p = document.createElement("p");
    p.textContent = (state.v && state.v !== version ? say("earlier_version") + " " : "") + say("changed", { count: missing.length });
    notice.appendChild(p);
    var list = document.createElement("ul");
    missing.forEach(function (id) {
      var li = document.createElement("li");
      li.className = "assess-changed";
      li.setAttribute("data-id", id);
      li.textContent = "“" + ((state.x || {})[id] || id) + "”" + ((state.t || []).indexOf(id) >= 0 ? " (ticked)" : "");
      var note = (state.n || {})[id];
      if (note) { var q = document.createElement("q"); q.textContent = note; li.appendChild(document.createTextNode(" — note: ")); li.appendChild(q); }
      list.appendChild(li);
    });
    notice.appendChild(list);
    notice.hidden = false;
  }

  // Notes mirrored into text for print (a textarea prints cut off), and the optional counts.
  function refresh() {
    notes.forEach(function (note) {
      var out = note.parentNode.querySelector(".assess-note-print");
      if (out) out.textContent = note.value;
      note.parentNode.classList.toggle("has-note", note.value.trim() !== "");
    });
    boxes.forEach(function (box) { box.parentNode.classList.toggle("is-ticked", box.checked); });
    if (form.getAttribute("data-counts") === "true") {
      Array.prototype.forEach.call(form.querySelectorAll("fieldset.assess-competency"), function (set) {
        var all = set.querySelectorAll("input[name=tick]"), n = set.querySelectorAll("input[name=tick]:checked").length;
        set.querySelector(".assess-count").textContent = say("count", { ticked: n, total: all.length });
      });
    }
  }

  // --- encoding: JSON → deflate-raw → base64url (plain base64url JSON where CompressionStream is missing) ---
  function toBase64url(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64url(text) {
    var s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }
  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  function encode(state) {
    var bytes = new TextEncoder().encode(JSON.stringify(state));
    if (typeof CompressionStream === "undefined") return Promise.resolve("j=" + toBase64url(bytes));
    return pipe(bytes, new CompressionStream("deflate-raw")).then(function (z) { return "s=" + toBase64url(z); });
  }
  function decode(fragment) {
    var kind = fragment.slice(0, 2), data = fragment.slice(2);
    var bytes = fromBase64url(data);
    var inflated = kind === "s=" ? pipe(bytes, new DecompressionStream("deflate-raw")) : Promise.resolve(bytes);
    return inflated.then(function (b) { return JSON.parse(new TextDecoder().decode(b)); });
  }

  // --- saving ---
  var saving = Promise.resolve();
  function save() {
    var state = collect();
    refresh();
    try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode: the address still works */ }
    saving = encode(state).then(function (fragment) {
      var empty = !state.t.length && !Object.keys(state.n).length;
      history.replaceState(null, "", location.pathname + location.search + (empty ? "" : "#" + fragment));
    });
    return saving;
  }
  var timer = null;
  form.addEventListener("change", save);
  form.addEventListener("input", function (event) {
    if (event.target.name !== "note") return;
    clearTimeout(timer);
    timer = setTimeout(save, 250);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  // --- downloads ---
  function rows() {
    var state = collect();
    return Array.prototype.map.call(form.querySelectorAll("li.assess-criterion"), function (li) {
      var set = li.closest("fieldset"), id = li.getAttribute("data-id");
      return {
        id: id,
        competency: set.querySelector("legend a").textContent,
        section: li.closest(".assess-next") ? "next" : "level",
        text: textOf(id),
        ticked: li.querySelector("input[name=tick]").checked,
        note: state.n[id] || ""
      };
    });
  }
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function csvField(v) { v = String(v); return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  function tell(text) { status.textContent = text; }

  var actions = {
    copy: function () {
      return saving.then(function () {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          return navigator.clipboard.writeText(location.href).then(function () { tell(say("copied")); },
            function () { tell(say("copy_yourself")); });
        }
        tell(say("copy_yourself"));
      });
    },
    print: function () { refresh(); window.print(); },
    json: function () {
      download(form.getAttribute("data-file") + ".json", "application/json", JSON.stringify({
        track: form.getAttribute("data-track"), level: form.getAttribute("data-level"), version: version,
        url: location.href, criteria: rows()
      }, null, 2) + "\n");
      tell(say("json_done"));
    },
    csv: function () {
      var lines = [["section", "competency", "criterion_id", "text", "ticked", "note"]].concat(rows().map(function (r) {
        return [r.section, r.competency, r.id, r.text, r.ticked ? "yes" : "no", r.note];
      }));
      download(form.getAttribute("data-file") + ".csv", "text/csv", lines.map(function (l) { return l.map(csvField).join(","); }).join("\r\n") + "\r\n");
      tell(say("csv_done"));
    }
  };
  var toolbar = document.getElementById("assess-toolbar");
  toolbar.hidden = false;
  toolbar.addEventListener("click", function (event) {
    var action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (action && actions[action]) actions[action]();
  });
  var printDate = document.getElementById("assess-print-date");
  window.addEventListener("beforeprint", function () {
    refresh();
    if (printDate) printDate.textContent = say("printed", { date: new Date().toISOString().slice(0, 10), address: location.origin + location.pathname });
  });

  // --- loading: the address wins over this browser's copy ---
  var hash = location.hash.slice(1);
  var loaded;
  if (hash.slice(0, 2) === "s=" || hash.slice(0, 2) === "j=") {
    loaded = decode(hash).catch(function () { tell(say("unreadable")); return null; });
  } else {
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { stored = null; }
    loaded = Promise.resolve(stored);
  }
  loaded.then(function (state) {
    if (state) apply(state); else refresh();
    form.setAttribute("data-ready", "true");
  });
})();
