package net.trader4.keycloak.otp.channel;

import net.trader4.keycloak.common.Trader4ProviderFactory;

/** Factory of a {@link DeliveryChannel}; its id is the channel name used in configuration. */
public interface DeliveryChannelFactory extends Trader4ProviderFactory<DeliveryChannel> {
}
