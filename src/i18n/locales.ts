/** Interface languages; adding one means adding `<locale>.json` next to this file and listing it here. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
