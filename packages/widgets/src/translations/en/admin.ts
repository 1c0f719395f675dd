/** Strings every admin widget shares (the admin widgets' catalog, apart from advocacy.js: see ../admin.ts). */
export const admin = {
  adminRequiredTitle: 'This needs the programme admin role.',
  adminRequiredHelp: 'You are signed in without it. Ask your programme admin to give you the admin role, then sign in again.',
  adminSaved: 'Saved.',
  adminCancel: 'Cancel',
  adminSave: 'Save',
  adminSaving: 'Saving…',
  adminActionFailed: 'That did not work.',
  adminBy: 'by {name}',
} as const;
