// Opens the "Saved passwords" view from inside a step (the last one offers it after saving).

import { createContext, useContext } from 'react';

export const OpenPasswordsContext = createContext<(() => void) | undefined>(undefined);

export function useOpenPasswords(): (() => void) | undefined {
  return useContext(OpenPasswordsContext);
}
