package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.otp.identifier.Identifier;
import org.keycloak.models.UserModel;

/**
 * A code that matched: the account it signs in to.
 *
 * @param user       the account, enabled and not locked
 * @param identifier the identifier the code was sent to
 * @param registered whether the account was created by this sign-in
 */
public record VerifiedSignIn(UserModel user, Identifier identifier, boolean registered) {
}
