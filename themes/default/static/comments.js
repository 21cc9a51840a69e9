// Progressive enhancement for the comment form: when the reader starts typing, fetch a fresh
// signed token from the uncached endpoint, so a page served from cache for hours still posts.
(function () {
  var form = document.getElementById("comment-form");
  if (!form || !window.fetch || !window.URL) return;
  var done = false;
  form.addEventListener("focusin", function () {
    if (done) return;
    done = true;
    var id = form.elements["article_id"].value;
    // From where the form posts: this site, or the live Gazette a static copy points it at.
    var url = new URL("/comments/token?article=" + encodeURIComponent(id), form.action);
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) { if (j && j.token) form.elements["token"].value = j.token; })
      .catch(function () { done = false; });
  });
})();
