/** Regression cases (issue 14 §1): the case file format, running a case and its diff. */
export * from './caseFile';
export * from './runCase';
export * from './diffText';
