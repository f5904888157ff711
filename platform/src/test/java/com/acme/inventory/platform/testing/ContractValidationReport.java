package com.acme.inventory.platform.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** At the end of a module's tests, how many responses were validated against each published document. */
public class ContractValidationReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        ContractValidation.logCounts();
    }
}
