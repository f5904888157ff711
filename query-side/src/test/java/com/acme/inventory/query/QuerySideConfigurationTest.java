package com.acme.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@QuerySideTest
class QuerySideConfigurationTest {

    @Autowired
    Configuration axon;

    @Test
    void projectionsComputeNoCorrelationData() {
        assertThat(axon.correlationDataProviders()).isEmpty();
    }
}
