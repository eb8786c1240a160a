// Enhancements only: every page is rendered on the server and works without this file.
// - the speaker box suggests names from /api/speakers as one types;
// - a link to a quote in an article (#qN) scrolls it into view and flashes it;
// - a search's address leaves out the empty fields.
// Data reaches the page through textContent and attributes, never innerHTML.
"use strict";

(function () {
  const input = document.getElementById("speaker");
  const list = document.getElementById("speaker-list");
  if (input && list) {
    let asked = "";
    let timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      const prefix = input.value.trim();
      if (prefix.length < 2 || prefix === asked) return;
      timer = setTimeout(async function () {
        asked = prefix;
        try {
          const res = await fetch("/api/speakers?" + new URLSearchParams({ prefix: prefix, limit: "10" }));
          if (!res.ok) return;
          const body = await res.json();
          if (input.value.trim() !== prefix) return;  // typed on meanwhile
          list.replaceChildren();
          for (const person of body.speakers) {
            const option = document.createElement("option");
            option.value = person.name;
            list.appendChild(option);
          }
        } catch (e) {
          // no suggestions: the box works as a plain text field
        }
      }, 150);
    });
  }

  // a search's address keeps only the fields filled in (?text=cider, not &speaker=&from=...)
  for (const form of document.querySelectorAll("form[method=get]")) {
    form.addEventListener("submit", function () {
      for (const field of form.elements) {
        if (field.name && field.type !== "checkbox" && !field.value.trim()) field.disabled = true;
      }
    });
  }
  window.addEventListener("pageshow", function () {  // back to a page whose fields were disabled
    for (const field of document.querySelectorAll("form [disabled]")) field.disabled = false;
  });

  function flash() {
    if (!location.hash.startsWith("#q")) return;
    const target = document.getElementById(location.hash.slice(1));
    if (!target) return;
    target.classList.remove("flash");
    void target.offsetWidth;  // restart the animation
    target.classList.add("flash");
  }
  window.addEventListener("hashchange", flash);
  flash();
})();
