/**
 * @trajectory/charts/render — everything of `@trajectory/charts` plus what needs Node: headless rendering of the
 * specs to SVG and PNG (vega, resvg, a CJK font through fontkit), chart files and the offline HTML report.
 */
export * from './index.ts';

// Rendering without a browser
export { compileSpec, collectingLogger, type CompiledSpec } from './render/compile-spec.ts';
export { renderSvg, type RenderSvgOptions } from './render/render-svg.ts';
export { renderPng, type RenderPngOptions, type RenderedPng } from './render/render-png.ts';
export {
  resolveCjkFont,
  fontCoverage,
  openFace,
  CJK_FONT_CANDIDATES,
  type FontChoice,
  type FontCoverage,
} from './render/font.ts';
export { svgTexts } from './render/svg-text.ts';
export { printPdf, type PrintPdfOptions } from './render/print-pdf.ts';
export { fontTextWidth, useFontTextMetrics } from './render/text-metrics.ts';
export {
  writeChartFiles,
  type ChartFormat,
  type WriteChartFilesOptions,
  type WrittenChartFiles,
} from './render/write-chart-files.ts';

// HTML reports (offline, vega-embed)
export {
  writeReport,
  reportHtml,
  type ReportInput,
  type ReportSection,
  type ReportChart,
  type WrittenReport,
} from './report/write-report.ts';
export { writeAssessmentReport, assessmentReport, type AssessmentReportOptions } from './report/assessment-report.ts';
export { writeProposalReport, proposalReport, type ProposalReportOptions } from './report/proposal-report.ts';
export { writeReviewReport, reviewReport, type ReviewReportOptions } from './report/review-report.ts';
export { scenarioReport, type ScenarioReportOptions } from './report/scenario-report.ts';
export { browserAssets, type BrowserAsset } from './report/assets.ts';
export { escapeHtml } from './report/html.ts';
