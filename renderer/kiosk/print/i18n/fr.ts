import type { PrintMessages } from './en.js';

export const printFr: PrintMessages = {
  'print.title': 'Vos documents',
  'print.loading': 'Recherche de vos documents…',
  'print.empty': 'Aucun document ne vous attend.',
  'print.emptyHow': 'Imprimez depuis votre ordinateur sur l’imprimante follow-me, puis libérez vos documents ici.',
  'print.unavailable': 'L’impression est indisponible pour le moment. Vous pouvez toujours changer votre code PIN ou votre numéro de carte/ID.',
  'print.notConfigured': 'Aucun serveur d’impression n’est configuré pour ce terminal. Un administrateur le configure avec :',
  'print.printAll': 'Tout imprimer',
  'print.printSelected': (count: number) => (count === 1 ? 'Imprimer 1 document' : `Imprimer ${count} documents`),
  'print.deleteSelected': (count: number) => (count === 1 ? 'Supprimer 1 document' : `Supprimer ${count} documents`),
  'print.account': 'Compte',
  'print.documents': 'Documents',
  'print.listLabel': 'Documents en attente d’impression',
  'print.select': (title: string) => `Sélectionner ${title}`,
  'print.pages': (pages: number | null, copies: number) =>
    `${pages === null ? 'pages inconnues' : pages === 1 ? '1 page' : `${pages} pages`}${copies > 1 ? ` × ${copies} copies` : ''}`,
  'print.total': (count: number, pages: number | null) =>
    `${count === 1 ? '1 document' : `${count} documents`}${pages === null ? '' : `, ${pages === 1 ? '1 page' : `${pages} pages`}`}`,
  'print.sentTo': (printer: string) => `Envoyé à ${printer}`,
  'print.deleted': (count: number) => (count === 1 ? '1 document supprimé.' : `${count} documents supprimés.`),
  'print.someGone': (count: number) => (count === 1 ? '1 document n’existait plus.' : `${count} documents n’existaient plus.`),
  'print.logoutIn': (seconds: number) => `Vous serez déconnecté dans ${seconds} s. Touchez l’écran pour rester.`,
  'print.stay': 'Rester connecté',
  'print.setup.ready': (printer: string) => `Impression : imprimante de libération ${printer}.`,
  'print.setup.central': (url: string) => `L’impression se configure dans le magasin central à ${url}.`,
  'print.condition.stopped': 'L’imprimante est arrêtée : vos documents attendront qu’elle redémarre.',
  'print.condition.out-of-paper': 'L’imprimante n’a plus de papier.',
  'print.condition.out-of-toner': 'L’imprimante n’a plus de toner ou d’encre.',
  'print.condition.jammed': 'L’imprimante a un bourrage papier.',
  'print.condition.door-open': 'Une porte ou un capot de l’imprimante est ouvert.',
  'print.condition.offline': 'L’imprimante est hors ligne.',
};
