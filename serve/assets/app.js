// entente page: posts the article to /v1/extract and /v1/graph and shows
// the record. Every text that comes from the document is put in the page
// with textContent or as an attribute value, never parsed as HTML.
(function () {
  "use strict";

  var TYPES = ["COUNTRY", "PERSON", "ORGANIZATION", "LOCATION", "EVENT"];
  // Node styles as in graph/style.go (fill, line, shape).
  var NODE = {
    COUNTRY: ["#cfe2f3", "#1f4e79", "round-rectangle"],
    PERSON: ["#fff2cc", "#7f6000", "ellipse"],
    ORGANIZATION: ["#d9ead3", "#274e13", "hexagon"],
    LOCATION: ["#ead1dc", "#741b47", "tag"],
    EVENT: ["#fce5cd", "#b45f06", "diamond"]
  };
  var OTHER = ["#eeeeee", "#444444", "ellipse"];
  // Edge styles as in graph/style.go (colour, line, arrow, legend).
  var EDGE = {
    cooperates_with: ["#38761d", "solid", "none", "cooperates with"],
    opposes: ["#cc0000", "solid", "tee", "opposes"],
    holds_role: ["#1c4587", "solid", "triangle", "holds role"],
    member_of: ["#674ea7", "dashed", "triangle-backcurve", "member of"],
    affiliated_with: ["#666666", "dotted", "triangle", "affiliated with"],
    located_in: ["#b45f06", "dotted", "vee", "located in"],
    participates_in: ["#999999", "dashed", "triangle", "participates in"],
    occurs_in: ["#b45f06", "dashed", "vee", "occurs in"]
  };

  var $ = function (id) { return document.getElementById(id); };
  var state = { input: null, record: null, cy: null, names: {}, types: {} };
  window.entente = state; // for the browser test and the curious

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function typeClass(t) { return "t-" + (NODE[t] ? t : "other"); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function setStatus(msg, isError) {
    var s = $("status");
    s.textContent = msg;
    s.className = isError ? "error" : "";
  }

  // ---- input ----------------------------------------------------------

  function readFile(file) {
    var reader = new FileReader();
    reader.onload = function () {
      $("text").value = String(reader.result);
      var ext = (file.name.split(".").pop() || "").toLowerCase();
      var fmt = { md: "markdown", markdown: "markdown", html: "html", htm: "html", txt: "text" }[ext];
      $("format").value = fmt || "";
      if (!$("title").value) $("title").value = file.name.replace(/\.[^.]*$/, "");
    };
    reader.onerror = function () { setStatus("could not read " + file.name, true); };
    reader.readAsText(file);
  }

  function collect() {
    var input = { id: "page", text: $("text").value };
    if ($("title").value) input.title = $("title").value;
    if ($("published").value) input.published = $("published").value;
    if ($("format").value) input.format = $("format").value;
    return input;
  }

  function post(path, input) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (resp) {
      if (resp.ok) return resp;
      return resp.json().catch(function () { return { error: resp.statusText }; }).then(function (body) {
        throw new Error(body.error || ("HTTP " + resp.status));
      });
    });
  }

  function run(ev) {
    if (ev) ev.preventDefault();
    var input = collect();
    if (!input.text.trim()) { setStatus("paste an article or drop a file first", true); return; }
    $("go").disabled = true;
    document.body.dataset.state = "busy";
    setStatus("extracting…");
    var t0 = performance.now();
    Promise.all([
      post("/v1/extract", input).then(function (r) { return r.json(); }),
      post("/v1/graph?format=json", input).then(function (r) { return r.json(); })
    ]).then(function (res) {
      state.input = input;
      render(res[0], res[1]);
      setStatus(res[0].entities.length + " entities, " + res[0].events.length + " events, " +
        res[0].relations.length + " relations in " + Math.round(performance.now() - t0) + " ms");
      document.body.dataset.state = "ready";
    }).catch(function (err) {
      setStatus(err.message, true);
      document.body.dataset.state = "error";
    }).then(function () { $("go").disabled = false; });
  }

  // ---- rendering ------------------------------------------------------

  function render(rec, graph) {
    state.record = rec;
    state.names = {};
    state.types = {};
    rec.entities.forEach(function (e) { state.names[e.id] = e.name; state.types[e.id] = e.type; });
    $("result").hidden = false;
    $("doc-title").textContent = rec.title || "Article";
    renderLegend(rec);
    renderArticle(state.input.text, rec);
    renderEntities(rec);
    renderDates(rec);
    renderEvents(rec);
    renderRelations(rec);
    renderErrors(rec);
    renderGraph(graph);
  }

  function renderLegend(rec) {
    var lg = $("legend");
    clear(lg);
    var seen = {};
    rec.entities.forEach(function (e) { seen[NODE[e.type] ? e.type : "other"] = true; });
    TYPES.concat(["other"]).forEach(function (t) {
      if (seen[t]) lg.appendChild(el("span", "chip " + typeClass(t), t.toLowerCase()));
    });
  }

  // renderArticle shows the original text with a mark per mention. The
  // record's offsets are UTF-8 byte offsets into the text as sent.
  function renderArticle(text, rec) {
    var bytes = new TextEncoder().encode(text);
    var dec = new TextDecoder();
    var spans = [];
    rec.entities.forEach(function (e) {
      e.mentions.forEach(function (m) { spans.push({ start: m.start, end: m.end, entity: e, mention: m }); });
    });
    rec.dates.forEach(function (d) { spans.push({ start: d.start, end: d.end, date: d }); });
    spans.sort(function (a, b) { return a.start - b.start || (a.entity ? -1 : 1); });
    var out = $("article");
    clear(out);
    var frag = document.createDocumentFragment();
    var at = 0;
    spans.forEach(function (s) {
      if (s.start < at || s.end > bytes.length || s.end <= s.start) return; // overlap or out of range
      if (s.start > at) frag.appendChild(document.createTextNode(dec.decode(bytes.subarray(at, s.start))));
      var mark;
      if (s.entity) {
        var e = s.entity, m = s.mention;
        mark = el("mark", "mention " + typeClass(e.type));
        mark.dataset.entity = e.id;
        mark.title = e.name + "\n" + e.type + " · " + e.id + "\n" + how(e, m);
        mark.addEventListener("click", function () { focus(e.id); });
      } else {
        mark = el("mark", "date");
        mark.title = s.date.value ? s.date.value + (s.date.note ? " (" + s.date.note + ")" : "") : "unresolved";
      }
      mark.textContent = dec.decode(bytes.subarray(s.start, s.end));
      frag.appendChild(mark);
      at = s.end;
    });
    if (at < bytes.length) frag.appendChild(document.createTextNode(dec.decode(bytes.subarray(at))));
    out.appendChild(frag);
  }

  function how(e, m) {
    var parts = [];
    parts.push(e.linked ? "linked to the gazetteer" : "not in the gazetteer");
    if (m.source) parts.push("found by " + m.source);
    if (m.form) parts.push("as " + m.form);
    return parts.join(", ");
  }

  function renderEntities(rec) {
    var ul = $("entities");
    clear(ul);
    var ents = rec.entities.slice().sort(function (a, b) { return b.count - a.count || a.name.localeCompare(b.name); });
    $("n-entities").textContent = ents.length;
    ents.forEach(function (e) {
      var li = el("li");
      li.dataset.entity = e.id;
      li.title = e.id + (e.aliases && e.aliases.length ? "\nalso: " + e.aliases.join(", ") : "");
      li.appendChild(el("span", "chip " + typeClass(e.type), e.type.toLowerCase()));
      var name = el("span", "name", e.name);
      li.appendChild(name);
      li.appendChild(el("span", "n", e.count));
      li.addEventListener("click", function () { focus(e.id); });
      ul.appendChild(li);
    });
    if (!ents.length) ul.appendChild(el("li", "empty", "no entities found"));
  }

  function renderDates(rec) {
    var ol = $("timeline");
    clear(ol);
    $("n-dates").textContent = rec.dates.length;
    var ds = rec.dates.slice().sort(function (a, b) {
      if (!a.value !== !b.value) return a.value ? -1 : 1;
      return a.value < b.value ? -1 : a.value > b.value ? 1 : a.start - b.start;
    });
    ds.forEach(function (d) {
      var li = el("li", d.value ? "" : "unresolved");
      li.appendChild(el("div", "value", d.value || "unresolved"));
      li.appendChild(el("div", "text", "“" + d.text + "”" + (d.granularity ? " · " + d.granularity : "")));
      if (d.note) li.appendChild(el("div", "note", d.note));
      ol.appendChild(li);
    });
    if (!ds.length) ol.appendChild(el("li", "empty", "no dates found"));
  }

  function name(id) { return state.names[id] || id || "—"; }

  // participants returns the event's sources and targets, from the
  // source/target fields when present, else from the participants' roles.
  function ends(ev) {
    var src = [], tgt = [];
    (ev.participants || []).forEach(function (p, i) {
      var id = typeof p === "object" ? p.id : p;
      var role = typeof p === "object" ? p.role : (ev.roles || [])[i];
      if (role === "actor" || role === "source") src.push(id);
      else if (role === "target") tgt.push(id);
    });
    if (ev.source) src = [].concat(ev.source);
    if (ev.target) tgt = [].concat(ev.target);
    return [src, tgt];
  }

  function renderEvents(rec) {
    var tb = $("events");
    clear(tb);
    $("n-events").textContent = rec.events.length;
    rec.events.forEach(function (ev) {
      var tr = el("tr");
      if (ev.evidence) tr.title = ev.evidence;
      tr.appendChild(el("td", "date", ev.date || "—"));
      tr.appendChild(el("td", "cameo quad-" + ev.quad_class, ev.cameo || ""));
      tr.appendChild(el("td", "", (ev.kind || "").replace(/_/g, " ") + (ev.trigger ? " (“" + ev.trigger + "”)" : "")));
      var st = ends(ev);
      tr.appendChild(el("td", "", (st[0].map(name).join(", ") || "—") + " → " + (st[1].map(name).join(", ") || "—")));
      tb.appendChild(tr);
    });
    if (!rec.events.length) emptyRow(tb, 4, "no events found");
  }

  function renderRelations(rec) {
    var tb = $("relations");
    clear(tb);
    $("n-relations").textContent = rec.relations.length;
    rec.relations.forEach(function (r) {
      var tr = el("tr");
      if (r.evidence) tr.title = r.evidence;
      tr.appendChild(el("td", "", name(r.source)));
      var rel = el("td", "rel", (r.type || "").replace(/_/g, " ") + (r.label ? " · " + r.label : ""));
      var st = EDGE[r.type];
      if (st) rel.style.color = st[0];
      tr.appendChild(rel);
      tr.appendChild(el("td", "", name(r.target)));
      tr.appendChild(el("td", "date", r.date || ""));
      tb.appendChild(tr);
    });
    if (!rec.relations.length) emptyRow(tb, 4, "no relations found");
  }

  function emptyRow(tb, cols, text) {
    var tr = el("tr"), td = el("td", "empty", text);
    td.colSpan = cols;
    tr.appendChild(td);
    tb.appendChild(tr);
  }

  function renderErrors(rec) {
    var ul = $("errors");
    clear(ul);
    (rec.errors || []).forEach(function (e) {
      ul.appendChild(el("li", "", e.stage + ": " + e.message + (e.fatal ? " (fatal)" : "")));
    });
    $("problems").hidden = !(rec.errors && rec.errors.length);
  }

  // ---- graph ----------------------------------------------------------

  function renderGraph(graph) {
    if (state.cy) { state.cy.destroy(); state.cy = null; }
    var elements = [];
    graph.nodes.forEach(function (n) {
      var st = NODE[n.type] || OTHER;
      elements.push({ group: "nodes", data: { id: n.id, label: n.label || n.name, type: n.type, fill: st[0], line: st[1], shape: st[2], size: 26 + 6 * Math.log2(1 + (n.mentions || 1)) } });
    });
    graph.links.forEach(function (l, i) {
      var st = EDGE[l.type] || ["#000000", "solid", "triangle", l.type];
      elements.push({ group: "edges", data: { id: "e" + i, source: l.source, target: l.target, type: l.type, label: l.label || "", color: st[0], line: st[1], arrow: l.directed === false ? "none" : st[2], width: Math.min(6, 1.5 + Math.log2(Math.max(1, l.weight || 1))) } });
    });
    state.cy = cytoscape({
      container: $("graph"),
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "shape": "data(shape)", "background-color": "data(fill)", "border-color": "data(line)",
          "border-width": 1.5, "width": "data(size)", "height": "data(size)", "font-size": 11, "color": "#1d2430",
          "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 120,
          "text-background-color": "#ffffff", "text-background-opacity": 0.7, "text-background-padding": 1 } },
        { selector: "edge", style: {
          "curve-style": "bezier", "line-color": "data(color)", "line-style": "data(line)", "width": "data(width)",
          "target-arrow-shape": "data(arrow)", "target-arrow-color": "data(color)", "arrow-scale": 0.9,
          "label": "data(label)", "font-size": 9, "color": "#5b6576", "text-rotation": "autorotate",
          "text-background-color": "#ffffff", "text-background-opacity": 0.8 } },
        { selector: "node.active", style: { "border-width": 4, "border-color": "#1d2430" } },
        { selector: ".faded", style: { "opacity": 0.25 } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 90; }, padding: 20 }
    });
    state.cy.on("tap", "node", function (e) { focus(e.target.id()); });
    state.cy.on("tap", function (e) { if (e.target === state.cy) focus(null); });
    renderEdgeLegend(graph);
  }

  function renderEdgeLegend(graph) {
    var lg = $("graph-legend");
    clear(lg);
    var seen = {};
    graph.links.forEach(function (l) { seen[l.type] = true; });
    Object.keys(EDGE).forEach(function (t) {
      if (!seen[t]) return;
      var item = el("span", "edge");
      var sw = el("span", "swatch");
      sw.style.borderTopColor = EDGE[t][0];
      sw.style.borderTopStyle = EDGE[t][1];
      item.appendChild(sw);
      item.appendChild(el("span", "", EDGE[t][3]));
      lg.appendChild(item);
    });
    if (!graph.nodes.length) lg.appendChild(el("span", "empty", "no relations to draw"));
  }

  // focus lights up every mention of entity id (null: none), its row and
  // its node; a second click on the same entity clears it.
  function focus(id) {
    if (id && state.focused === id) id = null;
    state.focused = id;
    var main = $("result");
    main.classList.toggle("focus", !!id);
    document.querySelectorAll("[data-entity]").forEach(function (n) {
      n.classList.toggle("active", !!id && n.dataset.entity === id);
    });
    if (state.cy) {
      state.cy.elements().removeClass("active faded");
      if (id) {
        var node = state.cy.getElementById(id);
        if (node.nonempty()) {
          node.addClass("active");
          state.cy.elements().difference(node.closedNeighborhood()).addClass("faded");
        }
      }
    }
    if (id) {
      var first = document.querySelector("#article mark.mention.active");
      if (first) first.scrollIntoView({ block: "nearest" });
    }
  }

  // ---- downloads ------------------------------------------------------

  function save(blob, filename) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function download(kind) {
    if (!state.record) return;
    var base = (state.record.id || "entente").replace(/[^A-Za-z0-9._-]+/g, "_");
    if (kind === "json") {
      save(new Blob([JSON.stringify(state.record, null, 2) + "\n"], { type: "application/json" }), base + ".json");
    } else if (kind === "png") {
      if (state.cy) save(state.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), base + ".graph.png");
    } else {
      post("/v1/graph?format=" + encodeURIComponent(kind), state.input).then(function (r) { return r.blob(); })
        .then(function (b) { save(b, base + ".graph." + kind); })
        .catch(function (err) { setStatus(err.message, true); });
    }
  }

  // ---- wiring ---------------------------------------------------------

  function init() {
    $("form").addEventListener("submit", run);
    $("file").addEventListener("change", function (e) { if (e.target.files[0]) readFile(e.target.files[0]); });
    var drop = $("drop");
    drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      if (e.dataTransfer.files && e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
    });
    document.querySelectorAll("[data-download]").forEach(function (b) {
      b.addEventListener("click", function () { download(b.dataset.download); });
    });
    document.body.dataset.state = "idle";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
