// The quote bank page: a search form over /api/search, results built as DOM nodes.
// Quotes are untrusted text (they contain <, & and quotation marks): every value
// goes in through textContent or an attribute, never innerHTML.
"use strict";

(function () {
  // quotes per page: ?limit=N in the address changes it (1 to 100, as the API allows)
  const asked = parseInt(new URLSearchParams(location.search).get("limit"), 10);
  const PAGE = asked >= 1 && asked <= 100 ? asked : 20;
  const FIELDS = ["text", "speaker", "from", "to", "outlet"];
  // a checkbox: topics (reported speech naming what was talked about) are left out unless ticked
  const TOPICS = "topics";

  const form = document.getElementById("search");
  const list = document.getElementById("results");
  const status = document.getElementById("status");
  const more = document.getElementById("more");
  const speakerInput = document.getElementById("speaker");
  const speakerList = document.getElementById("speaker-list");

  let query = null;   // the filters of the results shown
  let shown = new Set();  // quote ids on the page: paging never repeats one
  let offset = 0;
  let busy = 0;  // a newer search makes older answers stale

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function formQuery() {
    const q = {};
    for (const name of FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) q[name] = value;
    }
    if (form.elements[TOPICS].checked) q[TOPICS] = "1";
    return q;
  }

  function fillForm(q) {
    for (const name of FIELDS) form.elements[name].value = q[name] || "";
    form.elements[TOPICS].checked = q[TOPICS] === "1";
  }

  function params(q, extra) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) p.set(k, v);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, String(v));
    return p;
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      const msg = body && body.error ? body.error : res.status + " " + res.statusText;
      const where = body && body.parameter ? " (" + body.parameter + ")" : "";
      throw new Error(msg + where);
    }
    return body;
  }

  function speakerButton(name, extra) {
    const b = el("button", "speaker", name);
    b.type = "button";
    b.title = "Only quotes by " + name;
    b.dataset.speaker = name;
    if (extra) b.appendChild(el("span", "count", extra));
    return b;
  }

  function field(label, value) {
    const span = el("span", "field");
    span.appendChild(el("span", "label", label + " "));
    span.appendChild(el("span", "value", value));
    return span;
  }

  function saidText(r) {
    if (r.when_basis === "text") return (r.when || r.said) + " (from the text)";
    return r.said + " (article date)";
  }

  function renderQuote(r) {
    const li = el("li", r.topic ? "quote topic" : "quote");
    li.dataset.id = r.id;
    if (r.topic) {
      const badge = el("span", "badge", "topic");
      badge.title = "Reported speech that names what was talked about, not what was said";
      li.appendChild(badge);
    }
    li.appendChild(el("blockquote", "text kind-" + (r.topic ? "topic" : r.kind), r.text));

    const who = el("div", "who");
    if (r.speaker) who.appendChild(speakerButton(r.speaker));
    else who.appendChild(el("span", "unknown", "speaker unknown"));
    if (r.cue) who.appendChild(field("cue", r.cue));
    if (r.channel) who.appendChild(field("channel", r.channel));
    li.appendChild(who);

    const meta = el("div", "meta");
    meta.appendChild(field("said", saidText(r)));
    meta.appendChild(field("first seen", r.first_seen));
    if (r.last_seen && r.last_seen !== r.first_seen) meta.appendChild(field("last seen", r.last_seen));
    const carried = plural(r.articles, "article", "articles") + ", " +
      plural(r.n_outlets, "outlet", "outlets");
    meta.appendChild(field("in", carried + (r.outlets.length ? ": " + r.outlets.join(", ") : "")));
    li.appendChild(meta);

    if (r.conflict && r.speakers) {
      const also = el("div", "conflict");
      also.appendChild(el("span", "label", "also attributed to "));
      for (const s of r.speakers) {
        if (s.name !== r.speaker) also.appendChild(speakerButton(s.name, " ×" + s.occurrences));
      }
      li.appendChild(also);
    }

    const details = el("details", "occurrences");
    details.appendChild(el("summary", null, "Where it appeared"));
    details.addEventListener("toggle", () => {
      if (details.open && !details.dataset.loaded) loadOccurrences(r.id, details);
    });
    li.appendChild(details);
    return li;
  }

  async function loadOccurrences(id, details) {
    details.dataset.loaded = "1";
    const table = el("table");
    const head = el("tr");
    for (const h of ["said", "article date", "outlet", "article", "speaker as written", "cue", "kind", "offsets"]) {
      head.appendChild(el("th", null, h));
    }
    table.appendChild(head);
    try {
      const q = await getJSON("/api/quotes/" + encodeURIComponent(id));
      for (const o of q.occurrences) {
        const tr = el("tr");
        tr.appendChild(el("td", null, o.said));
        tr.appendChild(el("td", null, o.date));
        tr.appendChild(el("td", null, o.outlet || ""));
        const art = el("td");
        if (o.url && /^https?:\/\//i.test(o.url)) {  // no javascript: links from the data
          const a = el("a", null, o.article || o.url);
          a.href = o.url;
          a.rel = "noopener noreferrer";
          art.appendChild(a);
        } else {
          art.textContent = o.article || "";
        }
        tr.appendChild(art);
        tr.appendChild(el("td", null, o.mention || ""));
        tr.appendChild(el("td", null, o.cue || ""));
        tr.appendChild(el("td", null, o.topic ? "topic" : o.kind));
        tr.appendChild(el("td", null, o.start + "–" + o.end));
        table.appendChild(tr);
      }
      details.appendChild(table);
    } catch (err) {
      details.appendChild(el("p", "error", "Could not load: " + err.message));
    }
  }

  function describe(q) {
    const parts = [];
    if (q.text) parts.push("words “" + q.text + "”");
    if (q.speaker) parts.push("by " + q.speaker);
    if (q.from) parts.push("from " + q.from);
    if (q.to) parts.push("to " + q.to);
    if (q.outlet) parts.push("in " + q.outlet);
    if (q[TOPICS]) parts.push("topics included");
    return parts.length ? " — " + parts.join(", ") : "";
  }

  async function run(q, append) {
    const ticket = ++busy;
    if (!append) {
      query = q;
      offset = 0;
      shown = new Set();
      list.replaceChildren();
      const shareable = params(q, PAGE === 20 ? {} : { limit: PAGE }).toString();
      history.replaceState(null, "", shareable ? "?" + shareable : location.pathname);
    }
    status.className = "";
    status.textContent = "Searching…";
    more.hidden = true;
    let data;
    try {
      data = await getJSON("/api/search?" + params(query, { limit: PAGE, offset: offset }));
    } catch (err) {
      if (ticket !== busy) return;
      status.className = "error";
      status.textContent = "Error: " + err.message;
      return;
    }
    if (ticket !== busy) return;
    offset += data.results.length;
    for (const r of data.results) {
      if (shown.has(r.id)) continue;
      shown.add(r.id);
      list.appendChild(renderQuote(r));
    }
    const n = shown.size;
    status.textContent = (n ? plural(n, "quote", "quotes") + (data.more ? " so far" : "")
      : "No quotes match") + describe(query);
    more.hidden = !data.more;
  }

  let suggestTimer = 0;
  async function suggest() {
    const prefix = speakerInput.value.trim();
    if (!prefix) return;
    try {
      const data = await getJSON("/api/speakers?" + params({ prefix: prefix }, { limit: 15 }));
      const options = data.speakers.map((s) => {
        const o = document.createElement("option");
        o.value = s.name;
        o.label = plural(s.quotes, "quote", "quotes");
        return o;
      });
      speakerList.replaceChildren(...options);
    } catch (err) {
      speakerList.replaceChildren();
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run(formQuery(), false);
  });
  document.getElementById("clear").addEventListener("click", () => {
    fillForm({});
    run({}, false);
  });
  more.addEventListener("click", () => run(query, true));
  // one listener for every speaker name on the page: click to see only their quotes
  list.addEventListener("click", (ev) => {
    const b = ev.target.closest("button.speaker");
    if (!b) return;
    const q = formQuery();
    q.speaker = b.dataset.speaker;
    fillForm(q);
    run(q, false);
    window.scrollTo(0, 0);
  });
  speakerInput.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 150);
  });

  // a reload or a shared link shows the same search
  const start = {};
  for (const [k, v] of new URLSearchParams(location.search)) {
    if ((FIELDS.includes(k) || k === TOPICS) && v) start[k] = v;
  }
  fillForm(start);
  run(start, false);
})();
