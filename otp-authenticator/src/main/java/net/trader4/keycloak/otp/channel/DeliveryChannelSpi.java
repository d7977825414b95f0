package net.trader4.keycloak.otp.channel;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The small SPI through which one-time codes leave Keycloak. */
public class DeliveryChannelSpi implements Spi {

    public static final String NAME = "trader4-otp-delivery-channel";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return DeliveryChannel.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return DeliveryChannelFactory.class;
    }
}
