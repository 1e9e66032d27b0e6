import { linkFr } from '../link/i18n/fr.js';
import { printFr } from '../print/i18n/fr.js';
import { technicianFr } from '../technician/i18n/fr.js';
import type { Messages } from './messages.js';

export const fr: Messages = {
  'app.name': "Borne de libération d'impression",
  'lang.label': 'Langue',

  'connect.starting': 'Démarrage…',
  'connect.noHost': "Cette page doit être ouverte à l'adresse affichée par badgekiosk start, avec son jeton.",
  'connect.lost': 'La connexion à la borne a été perdue. Reconnexion…',

  'common.ok': 'OK',
  'common.cancel': 'Annuler',
  'common.back': 'Retour',
  'common.done': 'Terminé',
  'common.logout': 'Se déconnecter',
  'common.tryAgain': 'Réessayer',
  'common.home': "Retour à l'accueil",

  'keypad.clear': 'Effacer',
  'keypad.backspace': 'Effacer le dernier chiffre',
  'keypad.idLabel': "Clavier du numéro d'identification",
  'keypad.pinLabel': 'Clavier du code PIN',
  'keypad.maxReached': (max) => `C'est le maximum : ${max} chiffres.`,
  'keypad.digitsEntered': (count) => (count <= 1 ? `${count} chiffre saisi` : `${count} chiffres saisis`),

  'display.highContrast': 'Contraste élevé, grand texte',
  'idle.title': 'Passez ou présentez votre carte',
  'idle.or': 'ou',
  'idle.enterId': "Saisir le numéro d'identification",

  'idEntry.title': "Saisissez votre numéro d'identification",
  'idEntry.field': "Numéro d'identification",

  'pinEntry.title': 'Saisissez votre code PIN',
  'pinEntry.greeting': (name) => `Bonjour, ${name}`,
  'pinEntry.field': 'Code PIN',

  'firstPin.title': 'Choisissez votre code PIN',
  'firstPin.intro': (min, max) => `Vous n'avez pas encore de code PIN. Choisissez-en un de ${min} à ${max} chiffres.`,
  'firstPin.confirm': 'Saisissez de nouveau le même code PIN',

  'home.welcome': (name) => `Bienvenue, ${name}`,
  'home.signedIn': 'Vous êtes connecté.',
  'home.changePin': 'Changer le code PIN',
  'home.changeCard': 'Changer le numéro de carte/ID',
  'home.nothingToChange': 'Rien ne peut être modifié sur cette borne.',

  'changePin.title': 'Changer le code PIN',
  'changePin.current': 'Saisissez votre code PIN actuel',
  'changePin.new': (min, max) => `Saisissez votre nouveau code PIN (${min} à ${max} chiffres)`,
  'changePin.confirm': 'Saisissez de nouveau votre nouveau code PIN',
  'changePin.wrongCurrent': 'Ce n\'est pas votre code PIN actuel.',
  'changePin.done': 'Votre code PIN a été changé.',
  'changePin.queued': 'Le serveur central recevra la modification dès qu’il sera de nouveau joignable.',

  'pinPolicy.length': (min, max) => `Un code PIN doit comporter de ${min} à ${max} chiffres.`,
  'pinPolicy.digits': 'Un code PIN ne peut contenir que des chiffres.',
  'pinPolicy.allSame': 'Un code PIN ne peut pas répéter un seul chiffre, comme 1111.',
  'pinPolicy.sequence': 'Un code PIN ne peut pas être une suite de chiffres, comme 1234 ou 9876.',
  'pinPolicy.reuse': 'Le nouveau code PIN doit être différent du code actuel.',
  'pinPolicy.generic': "Ce code PIN n'est pas autorisé. Veuillez en choisir un autre.",
  'pinPolicy.mismatch': 'Les deux nouveaux codes PIN ne sont pas identiques. Veuillez recommencer.',

  'changeCard.title': 'Changer le numéro de carte/ID',
  'changeCard.field.primary': 'Ceci change votre numéro de carte/ID principal.',
  'changeCard.field.secondary': 'Ceci change votre numéro de carte/ID secondaire.',
  'changeCard.current': 'Numéro actuel',
  'changeCard.none': 'aucun',
  'changeCard.generate': 'Générer un nouveau numéro',
  'changeCard.type': 'Saisir un nouveau numéro',
  'changeCard.changesLeft': (count) =>
    count === 1 ? "Vous pouvez le changer encore une fois aujourd'hui." : `Vous pouvez le changer encore ${count} fois aujourd'hui.`,
  'changeCard.confirmTitle': 'Remplacer votre numéro de carte/ID ?',
  'changeCard.confirmBody': 'Votre numéro actuel cessera de fonctionner dès que le nouveau sera créé.',
  'changeCard.confirm': 'Oui, le remplacer',
  'changeCard.typeTitle': 'Saisissez votre nouveau numéro de carte/ID',
  'changeCard.typeLength': (min, max) => `${min} à ${max} chiffres`,
  'changeCard.resultTitle': 'Votre nouveau numéro de carte/ID',
  'changeCard.showQr': 'Afficher en code QR',
  'changeCard.qrLabel': 'Votre nouveau numéro de carte/ID en code QR',
  'changeCard.oldStops': "Votre ancien numéro ne fonctionne plus. Notez bien le nouveau.",

  'error.unknownCard.title': 'Carte non reconnue',
  'error.unknownCard.body':
    "Cette carte n'est pas enregistrée. Essayez avec votre numéro d'identification ou contactez votre administrateur système.",
  'error.invalidCredentials.title': 'Non reconnu',
  'error.invalidCredentials.body': "Numéro d'identification ou code PIN non reconnu. Si vous n'avez pas encore de code PIN, passez votre carte pour en choisir un.",
  'error.wrongPin.title': 'Code PIN incorrect',
  'error.wrongPin.attemptsLeft': (count) =>
    count === 1
      ? 'Il vous reste 1 essai avant le blocage de votre compte.'
      : `Il vous reste ${count} essais avant le blocage de votre compte.`,
  'error.invalidCredentials.lastTry': "Il vous reste 1 essai avant que ce numéro d'identification soit bloqué.",
  'error.lockedId.title': "Numéro d'identification bloqué",
  'error.lockedId.until': (time) => `Trop d'essais incorrects avec ce numéro d'identification. Vous pourrez le saisir de nouveau après ${time}. Votre carte fonctionne toujours.`,
  'error.lockedId.later': "Trop d'essais incorrects avec ce numéro d'identification. Veuillez réessayer plus tard. Votre carte fonctionne toujours.",
  'error.typedIdWait.title': 'Veuillez patienter',
  'error.typedIdWait.body': (seconds) =>
    seconds === 1 ? "Veuillez patienter 1 seconde avant de saisir de nouveau un numéro d'identification." : `Veuillez patienter ${seconds} secondes avant de saisir de nouveau un numéro d'identification.`,
  'error.locked.title': 'Compte bloqué',
  'error.locked.until': (time) => `Trop de codes PIN incorrects. Vous pourrez réessayer après ${time}.`,
  'error.locked.later': 'Trop de codes PIN incorrects. Veuillez réessayer plus tard.',
  'error.disabled.title': 'Compte désactivé',
  'error.disabled.body': 'Ce compte est désactivé. Veuillez contacter votre administrateur système.',
  'error.dailyLimit.title': 'Limite atteinte',
  'error.dailyLimit.body':
    "Votre numéro d'identification a été changé trop de fois. Veuillez contacter votre administrateur système.",
  'error.cardUnconfirmed.title': "Votre nouveau numéro n'a pas pu être confirmé",
  'error.cardUnconfirmed.body': "Le serveur central a cessé de répondre pendant le changement de votre numéro de carte/ID : impossible de savoir si le changement a eu lieu.",
  'error.cardUnconfirmed.next': "Reconnectez-vous dans une minute : votre page de compte affichera le numéro en vigueur. Merci de ne pas réessayer d'ici là.",
  'error.central.title': 'Serveur central injoignable',
  'error.central.body':
    'Le changement du numéro de carte/ID nécessite le serveur central, qui est injoignable pour le moment.',
  'error.central.stillWorks':
    "Vous pouvez toujours vous connecter avec votre carte ou votre numéro d'identification et changer votre code PIN ; les changements de code PIN seront transmis au retour de la connexion.",
  'error.newPinNeedsCard.title': 'Veuillez utiliser votre carte',
  'error.newPinNeedsCard.body':
    "Vous n'avez pas encore de code PIN. Pour en choisir un, passez ou présentez votre carte au lieu de saisir votre numéro.",
  'error.cardInUse': 'Ce numéro est déjà utilisé. Veuillez en choisir un autre.',
  'error.invalidCardNumber': 'Ce numéro ne peut pas être utilisé. Vérifiez sa longueur et utilisez uniquement des chiffres.',
  'error.notAllowed': "Cette modification n'est pas autorisée sur cette borne.",
  'error.generic.title': 'Une erreur est survenue',
  'error.generic.body': 'Veuillez réessayer. Si le problème persiste, contactez votre administrateur système.',

  'idle.countdown': (seconds) => `Aucune activité : déconnexion dans ${seconds} s`,
  'idle.stay': 'Rester connecté',
  'idle.countdownBack': (seconds) => `Aucune activité : retour à l'accueil dans ${seconds} s`,
  'idle.continue': 'Continuer',
  'session.loggedOut': 'Vous avez été déconnecté.',

  'status.label': 'État de la borne',
  'status.reader.connected': 'Lecteur prêt',
  'status.reader.disconnected': 'Lecteur déconnecté',
  'status.reader.none': 'Aucun lecteur configuré',
  'status.sync.online': 'Serveur central connecté',
  'status.sync.offline': 'Serveur central injoignable',
  'status.sync.initial': (percent) => `Chargement des utilisateurs depuis le serveur central : ${percent} %`,
  'status.sync.syncing': 'Synchronisation',
  'status.sync.standalone': 'Borne autonome',
  ...technicianFr,
  ...printFr,
  ...linkFr,
};
