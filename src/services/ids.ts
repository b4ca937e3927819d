import { customAlphabet } from 'nanoid';

/** Lowercase letters and digits without look-alikes (no i, l, o, u), so ids read aloud well. */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random 10-character ids (50 bits): short enough to type, global so backups merge cleanly. */
export const newId: () => string = customAlphabet(ID_ALPHABET, 10);
