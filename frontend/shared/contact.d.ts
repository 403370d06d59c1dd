// Types of contact.js, for the Worker's TypeScript (host/src/routes/player.ts).

export interface Contact {
  name: string;
  phone: string;
  address: string;
}

/** Message keys contactProblems gives, by field. */
export type ContactProblem =
  | "errNameEmpty"
  | "errNameLong"
  | "errPhone"
  | "errAddressShort"
  | "errAddressLong"
  | "errAddressLines";

export declare const ADDRESS_LINES: number;
export declare function normalizeContact(values: Contact): Contact;
export declare function contactProblems(values: Contact): Partial<Record<keyof Contact, ContactProblem>>;
