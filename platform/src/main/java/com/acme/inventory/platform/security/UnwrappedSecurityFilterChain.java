package com.acme.inventory.platform.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Takes Spring Security's filter chain out of the wrapper Spring Security 6 puts around it while Spring
 * MVC is present: a filter that looks up the MVC handler of every request and caches it for
 * {@code MvcRequestMatcher}. This service matches path patterns instead (see PlatformConfiguration), so
 * the lookup only cost time: 7.6% of the command side's CPU samples under the S1 bench, done again by
 * the DispatcherServlet anyway. Spring Security 7 no longer wraps; any shape other than the expected
 * one is left alone.
 */
public final class UnwrappedSecurityFilterChain implements BeanFactoryPostProcessor {

    static final String CHAIN = "springSecurityFilterChain";
    private static final String WRAPPER =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition wrapper = registry.getBeanDefinition(CHAIN);
        if (!WRAPPER.equals(wrapper.getBeanClassName())) {
            return;
        }
        ValueHolder filters = wrapper.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (filters != null
                && filters.getValue() instanceof List<?> list
                && list.size() == 2
                && list.get(1) instanceof BeanDefinition chain) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, chain);
        }
    }
}
