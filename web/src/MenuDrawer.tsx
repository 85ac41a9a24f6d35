/** Mantine's Drawer on its own, for main.tsx to load lazily: the narrow screens' menu, fetched when first opened. */
export { Drawer as default } from '@mantine/core';
