// @ts-check
// What a notebook's Plotly figure may use on a page, by name. The names are
// plotly.js 4.1's own (`Plotly.PlotSchema.get()`): its trace types and the
// attributes at the top of a trace and of the layout, less everything that
// makes plotly.js fetch from another host. Those are the geographic and tile
// maps: `geo` (topojson from cdn.plot.ly), `map` (MapLibre styles, tiles and
// glyphs), and the traces drawn on them. Inside an attribute every name may
// stay, since plotly.js ignores the ones it does not know; what fetches
// there (an image's `source`) and what refers to data elsewhere (`*src`) is
// the filter's (plotly-figure.mjs). A new plotly.js release adds names: a
// figure that uses one loses it until it is listed here.

/** Trace types whose maps plotly.js fetches from a remote host. */
export const REMOTE_MAP_TRACES = new Set(['scattergeo', 'choropleth', 'choroplethmap', 'densitymap', 'scattermap', 'scattermapbox', 'choroplethmapbox', 'densitymapbox']);

/** Trace types plotly.js draws with nothing but the figure. */
export const TRACE_TYPES = new Set(
  `bar barpolar box candlestick carpet cone contour contourcarpet funnel funnelarea heatmap histogram histogram2d
  histogram2dcontour icicle image indicator isosurface mesh3d ohlc parcats parcoords pie quiver sankey scatter
  scatter3d scattercarpet scattergl scatterpolar scatterpolargl scattersmith scatterternary splom streamtube
  sunburst surface table treemap violin volume waterfall`.split(/\s+/),
);

/** The attributes at the top of a trace, of any of {@link TRACE_TYPES}. */
export const TRACE_ATTRIBUTES = new Set(
  `a a0 aaxis align alignmentgroup alphahull anchor arrangement arrowref aspectratio atype autobinx autobiny
  autocolorscale autocontour automargin b b0 bandwidth base baseratio baxis bingroup box boxmean boxpoints
  branchvalues btype bundlecolors c caps carpet cauto cells cheaterslope cliponaxis close cmax cmid cmin color
  coloraxis colorbar colormodel colorscale columnorder columnwidth connectgaps connector constraintext contour
  contours count counts cumulative customdata da db decreasing delaunayaxis delta diagonal dimensions direction
  dlabel domain dr dtheta dx dy error_x error_y error_z facecolor fill fillcolor fillgradient fillpattern
  flatshading font gauge groupnorm header hidesurface high histfunc histnorm hole hoverinfo hoverlabel hoveron
  hoverongaps hovertemplate hovertemplatefallback hovertext i ids imag increasing insidetextanchor
  insidetextfont insidetextorientation intensity intensitymode isomax isomin j jitter k label0 labelangle
  labelfont labels labelside leaf legend legendgroup legendgrouptitle legendrank legendwidth lengthfactor
  lengthmode level lighting lightposition line link low lowerfence marker maxdepth maxdisplayed mean meanline
  measure median meta mode name nbinsx nbinsy ncontours node notched notchspan notchwidth number offset
  offsetgroup opacity opacityscale open orientation outsidetextfont parents pathbar pointpos points projection
  pull q1 q3 quartilemethod r r0 rangefont real reversescale root rotation scalegroup scalemode scene sd
  sdmultiple selected selectedpoints showlegend showlowerhalf showscale showupperhalf showwhiskers side sizemode
  sizeref slices sort sortpaths source spaceframe span spanmode stackgaps stackgroup starts subplot sum surface
  surfaceaxis surfacecolor text textangle textfont textinfo textposition texttemplate texttemplatefallback theta
  theta0 thetaunit tickfont tickwidth tiling title totals transpose type u uhoverformat uid uirevision
  unselected upperfence v value valueformat valuehoverformat values valuesuffix vertexcolor vhoverformat visible
  w whiskerwidth whoverformat width x x0 xaxes xaxis xbingroup xbins xcalendar xgap xhoverformat xperiod
  xperiod0 xperiodalignment xtype y y0 yaxes yaxis ybingroup ybins ycalendar ygap yhoverformat yperiod yperiod0
  yperiodalignment ytype z zauto zcalendar zhoverformat zmax zmid zmin zorder zsmooth`.split(/\s+/),
);

/** The attributes at the top of the layout: every one of plotly.js's but `geo` and `map`. */
export const LAYOUT_ATTRIBUTES = new Set(
  `font title uniformtext autosize width height minreducedwidth minreducedheight margin paper_bgcolor
  plot_bgcolor autotypenumbers separators showlegend colorway datarevision uirevision editrevision
  selectionrevision template newshape activeshape newselection activeselection meta transition grid clickmode
  dragmode hovermode hoversort hoversubplots hoveranywhere clickanywhere hoverdistance spikedistance hoverlabel
  selectdirection calendar xaxis yaxis ternary scene polar smith annotations selections shapes images
  updatemenus sliders colorscale coloraxis legend modebar barmode bargap bargroupgap barnorm barcornerradius
  boxmode boxgap boxgroupgap violinmode violingap violingroupgap waterfallmode waterfallgap waterfallgroupgap
  funnelmode funnelgap funnelgroupgap hiddenlabels piecolorway extendpiecolors sunburstcolorway
  extendsunburstcolors treemapcolorway extendtreemapcolors iciclecolorway extendiciclecolors
  funnelareacolorway extendfunnelareacolors scattermode scattergap`.split(/\s+/),
);

/** The layout's numbered subplots and their axes: `xaxis2`, `scene3`, `legend2`. */
export const NUMBERED_LAYOUT_ATTRIBUTE = /^(xaxis|yaxis|scene|polar|ternary|smith|coloraxis|legend)[1-9]\d*$/;

/** What a button of `updatemenus` or a step of `sliders` may call. */
export const MENU_METHODS = new Set(['restyle', 'relayout', 'update', 'animate', 'skip']);

/** The attributes of a frame of an animation. */
export const FRAME_ATTRIBUTES = new Set(['name', 'group', 'baseframe', 'traces', 'data', 'layout']);

/** The tags of plotly.js's styled text; it shows any other as text. */
export const STYLED_TEXT_TAGS = new Set(['a', 'b', 'br', 'em', 'extra', 'i', 's', 'span', 'sub', 'sup', 'u']);
