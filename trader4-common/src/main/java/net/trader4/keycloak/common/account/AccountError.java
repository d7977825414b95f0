package net.trader4.keycloak.common.account;

import net.trader4.keycloak.common.error.ErrorCode;

/** Why an account whose identity was proven still may not sign in. */
public enum AccountError implements ErrorCode {
    ACCOUNT_DISABLED("account_disabled", 403),
    ACCOUNT_NOT_READY("account_not_ready", 403);

    private final String code;
    private final int status;

    AccountError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
