/**
 * The avatar's size limit, in a module of its own without imports: the record page's photo control
 * (components/crm/avatar-editor.tsx) checks it in the browser, and must not pull zod and the body
 * readers into the client bundle to do so.
 */

/** The largest image accepted: 1 MB (MiB). A larger one is a 413 and nothing is stored. */
export const MAX_AVATAR_BYTES = 1024 * 1024;
