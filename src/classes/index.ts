/** The classes area (opinion 2.3, 2.1/2.2 school size): re-exported by src/index.ts. */
export * from './classSizeStatus.js';
export * from './classSizeReport.js';
export * from './schoolSizeStatus.js';
export * from './schemas.js';
export * from './parameters.js';
