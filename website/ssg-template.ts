/**
 * The HTML of every built page: Docusaurus's own template
 * (@docusaurus/core/lib/ssg/ssgTemplate.html.js), except for when the
 * application's scripts run.
 *
 * Docusaurus's template loads them with `defer`, which runs them when the
 * HTML is parsed: on a fast network the browser then evaluates the 500 KB
 * main bundle before it paints, and the server-rendered page, complete and
 * readable, stays blank for that long (on a phone's CPU, most of a second).
 * Here the head preloads them, so they download as early as before, and an
 * inline script at the end of the body inserts them, in order, once the
 * browser reports the first contentful paint (Paint Timing; where that is
 * missing, after the first frame). The page is the same; it is shown first
 * and made interactive right after. A hidden tab paints nothing, so it loads
 * them at once; and should a browser never report the paint, they load after
 * 3 s regardless, as late as Docusaurus's own template would on a slow phone.
 *
 * The inline script is the same on every page (the bundles are shared), so
 * the server's Content-Security-Policy admits it by hash
 * (website/build/serve.mjs). Its source is `loadAfterFirstPaint` below, as
 * text; the HTML minifier compacts it in the built pages.
 */
/**
 * The inline script's source, type-checked here and inlined as its text: it
 * may use only its parameter and the page's globals. It is written for any
 * browser that runs the pages (`var`, no arrow functions), as Docusaurus's
 * own inline scripts are.
 *
 * @param scripts - The addresses of the application's scripts, in order.
 */
function loadAfterFirstPaint(scripts: readonly string[]): void {
  var loaded = false;
  function load(): void {
    if (loaded) return;
    loaded = true;
    scripts.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.body.appendChild(script);
    });
  }
  function afterPaint(): void {
    setTimeout(load, 0);
  }
  if (document.hidden) load();
  else if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') !== -1)
    new PerformanceObserver(function (entries, observer) {
      if (entries.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        afterPaint();
      }
    }).observe({ type: 'paint', buffered: true });
  else requestAnimationFrame(afterPaint);
  setTimeout(load, 3000);
}

export const ssgTemplate = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <% it.scripts.forEach((script) => { %>
      <link rel="preload" as="script" href="<%= it.baseUrl %><%= script %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <%~ it.postBodyTags %>
    <script>(${loadAfterFirstPaint.toString()})(<%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)).replace(/</g, '\\u003c') %>)</script>
  </body>
</html>
`;
