package com.acme.inventory.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The documented development tokens are for the embedded local default only. A side whose database is
 * anything but the embedded H2 (whatever the profiles say) refuses to start unless every role has its
 * own token of at least {@value #MIN_LENGTH} characters: guessable, shared or missing tokens never reach
 * a real database.
 */
public class ProductionTokenGuard implements InitializingBean {

    public static final int MIN_LENGTH = 32;
    private static final String EMBEDDED = "jdbc:h2:";

    private final DataSource dataSource;
    private final TokenProperties tokens;

    public ProductionTokenGuard(DataSource dataSource, TokenProperties tokens) {
        this.dataSource = dataSource;
        this.tokens = tokens;
    }

    @Override
    public void afterPropertiesSet() {
        String database = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getURL());
        if (database != null && database.startsWith(EMBEDDED)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (Role role : Role.values()) {
            String token = tokens.tokenOf(role);
            String variable = "INVENTORY_SECURITY_TOKENS_" + role.name();
            if (token == null || token.isBlank()) {
                problems.add(variable + " is unset");
            } else if (token.length() < MIN_LENGTH) {
                problems.add(variable + " is shorter than " + MIN_LENGTH + " characters");
            } else if (!distinct.add(token)) {
                problems.add(variable + " is the token of another role");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start on " + database + " with these tokens: "
                    + String.join("; ", problems) + ". Every role needs its own token of at least " + MIN_LENGTH
                    + " characters (environment, or files through spring.config.import=configtree:); the"
                    + " development tokens are for the embedded H2 database only.");
        }
    }
}
