export { generateDemoBranch, recruitmentEvents, DEMO_AUTHOR, type DemoDataSet, type DemoOptions } from './branch';
export { generateScaleData, type ScaleOptions } from './scale';
