// Gazette admin enhancements. Everything works without this file: Preview is a submit button.
"use strict";

// As-you-type preview: the server renders the Markdown (the same renderer as the site).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.querySelector("textarea[data-preview]");
  const target = source && document.getElementById(source.dataset.preview);
  const csrf = source && source.form.querySelector("input[name=csrf]");
  if (!source || !target || !csrf) return;
  target.setAttribute("aria-live", "polite");
  let timer = null;
  let sent = 0;
  source.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const ticket = ++sent;
      try {
        const res = await fetch("/admin/preview", {
          method: "POST",
          headers: {"X-CSRF-Token": csrf.value},
          body: new URLSearchParams({markdown: source.value}),
          credentials: "same-origin",
        });
        if (res.ok && ticket === sent) target.innerHTML = await res.text();
      } catch (e) {
        // Offline or signed out: the Preview button still works.
      }
    }, 300);
  });
});
