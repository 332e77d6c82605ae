import { describe, expect, it } from 'vitest';
import { createUiStore } from './store';

describe('a new run', () => {
  it('puts every per-run choice back to its default, and keeps the settings', () => {
    const store = createUiStore();
    const st = store.getState();
    st.select({ dept: 'billing', ticket: 4, care: 'thorough' });
    st.setSpeed(4);
    st.togglePause();
    st.toast('Billing is down', 'warning');
    st.updateSettings({ textScale: 1.5, highContrast: true });
    store.getState().startRun();
    const after = store.getState();
    expect(after.selection).toEqual({ dept: null, ticket: null, care: 'quick' });
    expect(after.speed).toBe(1);
    expect(after.lastSpeed).toBe(1);
    expect(after.toasts).toEqual([]);
    expect(after.settings).toMatchObject({ textScale: 1.5, highContrast: true });
  });
});
