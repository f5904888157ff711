package com.acme.inventory.platform.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Puts {@link FailFastDataSource} in front of the application's connection pool, for every user of it. */
public final class FailFastDataSourceWrapping implements BeanPostProcessor {

    private final ObjectProvider<DatabaseAvailability> availability;

    public FailFastDataSourceWrapping(ObjectProvider<DatabaseAvailability> availability) {
        this.availability = availability;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)) {
            return new FailFastDataSource(pool, availability);
        }
        return bean;
    }
}
