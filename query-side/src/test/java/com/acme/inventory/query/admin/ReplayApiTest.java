package com.acme.inventory.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.query.QuerySideTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QuerySideTest
class ReplayApiTest {

    private static final String OPERATOR = "Bearer " + PostgresProperties.OPERATOR_TOKEN;

    @Autowired
    MockMvc mvc;

    @Test
    void aReplayIsAcceptedAtOnceWithNoEtaUntilOneIsMeasured() throws Exception {
        long start = System.nanoTime();
        mvc.perform(post("/api/v1/admin/projections/event-log/replay").header("Authorization", OPERATOR))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("REPLAYING"))
                .andExpect(jsonPath("$.replaying").value(true))
                .andExpect(jsonPath("$.etaSeconds").isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        mvc.perform(post("/api/v1/admin/projections/event-log/replay").header("Authorization", OPERATOR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REPLAY_IN_PROGRESS"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(
                                get("/api/v1/admin/projections/event-log").header("Authorization", OPERATOR))
                        .andExpect(jsonPath("$.replaying").value(false))
                        .andExpect(jsonPath("$.state").value("RUNNING"))
                        .andExpect(jsonPath("$.progress").value(1.0)));
    }
}
