/**
 * Short codes and one-paragraph descriptions of the projection methods, for the report's appendix and the
 * terminal table's method column. Any method not listed (a growth-curve family of `@trajectory/fit`) is `CURV`.
 */

/** A projection method as the report explains it. */
export interface MethodInfo {
  /** four letters, shown in tables */
  code: string;
  zh: string;
  en: string;
}

const METHODS: Record<string, MethodInfo> = {
  naive: {
    code: 'NAIV',
    zh: '朴素法：未来值等于最后一次观测值，区间来自历史变化的波动。',
    en: 'Naive: the last observation carried forward, intervals from the variability of past changes.',
  },
  drift: {
    code: 'DRFT',
    zh: '带漂移的随机游走：按首末观测之间的平均年变化外推。',
    en: 'Random walk with drift: the average yearly change between the first and last observation, extended.',
  },
  damped: {
    code: 'DAMP',
    zh: '阻尼趋势指数平滑：趋势逐年减弱。',
    en: 'Damped-trend exponential smoothing: the trend fades year by year.',
  },
  theta: {
    code: 'THTA',
    zh: 'Theta 法：简单指数平滑加一半的线性趋势。',
    en: 'Theta method: simple exponential smoothing plus half the linear trend.',
  },
  combination: {
    code: 'COMB',
    zh: '组合：漂移法、Theta 与阻尼趋势（对原值和对数分别拟合）的平均；区间按 M4/M3 训练数据校准。',
    en: 'Combination: the mean of drift, Theta and damped trend fitted to values and to logs; intervals calibrated on M4/M3 training data.',
  },
  'median-combination': {
    code: 'MCMB',
    zh: '中位数组合：漂移法、Theta 与阻尼趋势的中位数。',
    en: 'Median combination: the median of drift, Theta and damped trend.',
  },
  'growth-rate': {
    code: 'GRTH',
    zh: '增长率法：按观测到的年均增长率外推。',
    en: 'Growth rate: the observed average annual growth rate, extended.',
  },
  'reference-class': {
    code: 'REFC',
    zh: '参考类：只有一个观测值时，采用同类序列多年增长倍数的分布。',
    en: 'Reference class: with one observation, the distribution of multi-year growth factors of similar series.',
  },
  pooled: {
    code: 'POOL',
    zh: '合并估计：带不确定漂移的随机游走（比率类为均值回复），漂移的先验来自同类指标的参考面板和上级地区，观测越多本地数据权重越大。',
    en: 'Pooled: a random walk with uncertain drift (mean-reverting for rates); the drift prior comes from reference panels of the same kind of indicator and the parent region, and the region’s own data weigh more the more years it has.',
  },
  'pooled-curve': {
    code: 'PCRV',
    zh: '增长曲线（合并估计）：2015–2020 年有 3 个以上观测时，按 AICc 在线性、指数、逻辑斯蒂和 Gompertz 曲线中选择；曲线斜率向同类指标的先验和上级地区收缩，容量不被越过。',
    en: 'Growth curve, pooled: with 3 or more observations in 2015–2020, the linear, exponential, logistic or Gompertz curve chosen by AICc; its slope shrunk toward the prior of the same kind of indicator and the parent region; no path crosses the capacity.',
  },
};

const CURVE: MethodInfo = {
  code: 'CURV',
  zh: '增长曲线拟合（逻辑斯蒂、Gompertz 等），区间按组合法的误差分位数校准。',
  en: 'Fitted growth curve (logistic, Gompertz, …), intervals from the combination’s calibrated error quantiles.',
};

/**
 * Code and description of a projection method (`pooled` -> `POOL`; a curve family -> `CURV`).
 * @example
 * methodInfo('theta').code; // 'THTA'
 */
export function methodInfo(method: string): MethodInfo {
  return METHODS[method] ?? CURVE;
}
