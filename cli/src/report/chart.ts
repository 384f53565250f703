/**
 * Charts for the HTML reports: Apache ECharts rendered on the server to an SVG string (`renderer:
 * 'svg', ssr: true`), with no DOM and no script in the page. ECharts is loaded only when a report
 * asks for a chart, so the other formats never pay for it.
 */
import { createRequire } from 'node:module';

/** An ECharts option (the library's own type is not needed here: the option is passed through). */
export type ChartOption = Record<string, unknown>;

interface EChartsInstance {
  setOption(option: ChartOption): void;
  renderToSVGString(): string;
  dispose(): void;
}
interface ECharts {
  init(dom: null, theme: null, options: { renderer: 'svg'; ssr: true; width: number; height: number }): EChartsInstance;
}

let echarts: ECharts | undefined;

/** The font stack of the reports: a CJK font where the system has one, so Chinese never shows as boxes. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * `option` drawn as an SVG string `width` × `height` pixels (it scales with the page). Animation is
 * off; the report's font is used for every text.
 */
export function chartSvg(option: ChartOption, width = 720, height = 320): string {
  echarts ??= createRequire(import.meta.url)('echarts') as ECharts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
