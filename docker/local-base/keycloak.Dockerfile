# The official Keycloak image's layout on a Debian base: the distribution in /opt/keycloak owned by
# uid 1000 (group 0), run as that user, kc.sh as the entrypoint.
ARG BASE
FROM ${BASE}
ARG KC_VERSION
ENV LANG=C.UTF-8
COPY --chown=1000:0 keycloak-${KC_VERSION}/ /opt/keycloak/
RUN echo "keycloak:x:1000:0:keycloak user:/opt/keycloak:/sbin/nologin" >> /etc/passwd
USER 1000
EXPOSE 8080 8443 9000
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
