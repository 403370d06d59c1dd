// Types of day-text.js, for the Worker's TypeScript (host/src/routes/winners.ts).

export declare const DAY_TEXT_PATTERN: RegExp;

/** Whether `text` has the shape of a day, "YYYY-MM-DD". */
export declare function isDayText(text: unknown): text is string;

/** The numbers of a day's text, or null when it is not shaped as one. */
export declare function dayTextParts(text: unknown): { year: number; month: number; day: number } | null;
