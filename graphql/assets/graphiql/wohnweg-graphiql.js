// Starts GraphiQL (served from the binary, like React) against /graphql.
//
// A browser signed in through /auth/dev or OpenID holds a session cookie, and every
// GraphQL request that relies on it must carry the session's CSRF token in
// x-csrf-token. The token comes from /auth/session; it is fetched again when the
// server refuses a request with 403 (a new sign-in in another tab starts a new
// session). Without a session the requests go without it: a bearer token set in
// GraphiQL's headers editor needs none.
(function () {
  "use strict";

  var token = null;

  function loadToken() {
    return fetch("/auth/session", { credentials: "same-origin" })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (s) {
        token = s && s.csrfToken ? s.csrfToken : null;
        return token;
      })
      .catch(function () {
        token = null;
        return null;
      });
  }

  function post(params, extraHeaders) {
    var headers = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
    };
    if (token) headers["x-csrf-token"] = token;
    Object.keys(extraHeaders || {}).forEach(function (k) {
      headers[k] = extraHeaders[k];
    });
    return fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: JSON.stringify(params),
    });
  }

  function fetcher(params, opts) {
    var extra = (opts && opts.headers) || {};
    return post(params, extra).then(function (r) {
      if (r.status !== 403) return r.json();
      return loadToken().then(function () {
        return post(params, extra).then(function (again) {
          return again.json();
        });
      });
    });
  }

  loadToken().then(function () {
    var root = ReactDOM.createRoot(document.getElementById("graphiql"));
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery:
          "# Wohnweg GraphQL. Anmelden: /auth/dev (Demo) oder /auth/login.\n" +
          "# Strg+Leertaste vervollständigt, Strg+Enter führt aus.\n\n" +
          "query Ich {\n  viewer {\n    displayName\n    roles\n  }\n}\n",
      }),
    );
  });
})();
