import type { AreaCatalog } from '../catalog.js';
import type { admin as en } from '../en/admin.js';

export const admin: AreaCatalog<typeof en> = {
  adminRequiredTitle: 'Cette page demande le rôle d’administrateur du programme.',
  adminRequiredHelp: 'Vous êtes connecté sans ce rôle. Demandez à l’administrateur de votre programme de vous l’attribuer, puis reconnectez-vous.',
  adminSaved: 'Enregistré.',
  adminCancel: 'Annuler',
  adminSave: 'Enregistrer',
  adminSaving: 'Enregistrement…',
  adminActionFailed: 'Cela n’a pas fonctionné.',
  adminBy: 'par {name}',
};
