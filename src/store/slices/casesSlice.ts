import type { StateCreator } from 'zustand';
import type { CasesActions, CasesState } from '../casesTypes';
import type { SpecState } from '../types';

export const initialCasesState = (): CasesState => ({
  cases: [],
  casesDocId: null,
  caseResults: null,
  casesVersion: 0,
  casesFailure: null,
});

/** The document's regression cases and their last results (never persisted here: IndexedDB holds them). */
export const createCasesSlice: StateCreator<SpecState, [], [], CasesState & CasesActions> = (set) => ({
  ...initialCasesState(),
  setCases: (cases, docId) =>
    set((s) => ({
      cases,
      casesDocId: docId,
      casesVersion: s.casesVersion + 1,
      caseResults: null,
      casesFailure: null,
    })),
  addCase: (c) => set((s) => ({ cases: [...s.cases, c], casesVersion: s.casesVersion + 1 })),
  updateCase: (id, testCase) =>
    set((s) => ({
      cases: s.cases.map((c) => (c.id === id ? { id, testCase } : c)),
      casesVersion: s.casesVersion + 1,
    })),
  removeCase: (id) =>
    set((s) => ({ cases: s.cases.filter((c) => c.id !== id), casesVersion: s.casesVersion + 1 })),
  setCaseResults: (caseResults, failure = null) => set({ caseResults, casesFailure: failure }),
});
