package com.acme.inventory.platform.security;

/** The callers of the API; each has its own bearer token. */
public enum Role {
    ORDER_SERVICE("order-service"),
    CATALOGUE("catalogue"),
    OPERATOR("operator");

    private final String actor;

    Role(String actor) {
        this.actor = actor;
    }

    /** The name recorded as the actor of the events this role causes. */
    public String actor() {
        return actor;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
