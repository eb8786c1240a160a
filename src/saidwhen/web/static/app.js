// Enhancements only: every page is rendered on the server and works without this file.
// - the speaker box suggests names from /api/speakers as one types;
// - a link to a quote in an article (#qN) scrolls it into view and flashes it.
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
