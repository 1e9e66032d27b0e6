import { domainError } from './domainError.js';
import { err, ok } from './result.js';
import type { SelfService, SelfServiceDeps } from './selfService.js';
import { changeCard, checkTypedCard } from './selfServiceCardChange.js';
import { SelfServiceContext } from './selfServiceContext.js';
import { SELF_SERVICE_MESSAGES } from './selfServiceMessages.js';
import { changePin, checkCurrentPin } from './selfServicePinChange.js';
import { authenticate, identifyCard, setFirstPin } from './selfServiceSignIn.js';

/** The kiosk's self-service use cases (DESIGN §3), for the kiosk host and the CLI alike. */
export function createSelfService(deps: SelfServiceDeps): SelfService {
  const ctx = new SelfServiceContext(deps);
  return {
    identifyCard: (cardNumber) => identifyCard(ctx, cardNumber),
    authenticate: (credential, pin) => authenticate(ctx, credential, pin),
    setFirstPin: (credential, newPin, confirmPin) => setFirstPin(ctx, credential, newPin, confirmPin),
    changePin: (userId, currentPin, newPin, confirmPin) => changePin(ctx, userId, currentPin, newPin, confirmPin),
    checkCurrentPin: (userId, currentPin) => checkCurrentPin(ctx, userId, currentPin),
    regenerateCard: (userId) => changeCard(ctx, userId, { kind: 'generated' }),
    setCard: (userId, newCardNumber) => changeCard(ctx, userId, { kind: 'manual', cardNumber: newCardNumber }),
    checkTypedCard: (userId, newCardNumber) => checkTypedCard(ctx, userId, newCardNumber),
    allowedActions(userId) {
      const user = deps.uow.repos.users.findById(userId);
      if (!user) return err(domainError('not-found', SELF_SERVICE_MESSAGES.userNotFound));
      return ok(ctx.allowedActions(deps.uow.repos, user));
    },
  };
}
