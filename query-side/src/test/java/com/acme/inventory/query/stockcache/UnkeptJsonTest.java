package com.acme.inventory.query.stockcache;

import com.acme.inventory.query.QuerySideTest;
import org.springframework.test.context.TestPropertySource;

/** {@code inventory.query.keep-json: false}: every answer is written anew, nothing kept with the view. */
@QuerySideTest
@TestPropertySource(properties = "inventory.query.keep-json=false")
class UnkeptJsonTest extends KeptJsonTest {

    @Override
    boolean keeps() {
        return false;
    }
}
