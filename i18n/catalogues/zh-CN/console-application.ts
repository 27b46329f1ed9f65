/** The district's forms: the application (申报), its resubmission and the yearly report (年度报告). */
export const consoleApplication = {};
