package net.trader4.keycloak.twilio;

import java.time.Duration;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;

/**
 * The HTTP client every Twilio call of a realm goes through: sends to the configured base URL,
 * bounds every wait, and repeats a call only under {@link TwilioRetryPolicy}. Both built-in retry
 * mechanisms are off, because each would repeat a POST that may already have sent an SMS: the
 * SDK's {@code reliableRequest} (every 5xx, three times) and HttpClient 5's own (429, 503).
 */
public class TwilioHttpClient extends NetworkHttpClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TwilioHttpClient.class);

    private final TwilioBaseUrl baseUrl;
    private final TwilioRetryPolicy retryPolicy;

    public TwilioHttpClient(TwilioHttpSettings settings) {
        super(clientBuilder(settings));
        this.baseUrl = settings.baseUrl();
        this.retryPolicy = new TwilioRetryPolicy(settings.maxAttempts(), settings.retryBackoff());
    }

    private static HttpClientBuilder clientBuilder(TwilioHttpSettings settings) {
        Timeout connectTimeout = timeout(settings.connectTimeout());
        Timeout readTimeout = timeout(settings.readTimeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(readTimeout)
                        // Checked before every reuse (a read of at most 1 ms): a connection Twilio or a
                        // proxy closed would fail the POST, which is never repeated, as "unavailable".
                        .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readTimeout).setSoKeepAlive(true).build())
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(100)
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(connectTimeout)
                .setResponseTimeout(readTimeout)
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                // The SDK stamps its own RequestConfig on every request (a 30.5 s connect timeout,
                // which HttpClient prefers over the connection manager's); put ours back.
                .addExecInterceptorFirst("trader4-twilio-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(requestConfig);
                    return chain.proceed(request, scope);
                });
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(duration.toMillis());
    }

    @Override
    public Response makeRequest(Request request) {
        if (baseUrl == null) {
            return super.makeRequest(request);
        }
        return super.makeRequest(new RedirectedRequest(request, baseUrl.redirect(request.constructURL())));
    }

    /** Replaces the SDK's blanket retry of every 5xx with {@link TwilioRetryPolicy}. */
    @Override
    public Response reliableRequest(Request request) {
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = attempt >= retryPolicy.maxAttempts();
            try {
                Response response = makeRequest(request);
                if (lastAttempt || !retryPolicy.mayRepeat(response.getStatusCode())) {
                    return response;
                }
                LOG.debugf("Twilio answered HTTP %d; repeating (attempt %d of %d)",
                        response.getStatusCode(), attempt + 1, retryPolicy.maxAttempts());
            } catch (ApiException e) {
                // The SDK wraps I/O failures in ApiException; the cause tells whether anything was sent.
                if (lastAttempt || !retryPolicy.mayRepeat(e.getCause())) {
                    throw e;
                }
                LOG.debugf("No connection to Twilio (%s); repeating (attempt %d of %d)",
                        e.getCause().getClass().getSimpleName(), attempt + 1, retryPolicy.maxAttempts());
            }
            if (!pause(retryPolicy.delayBefore(attempt + 1))) {
                throw new ApiException("Interrupted while waiting to repeat a Twilio call");
            }
        }
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return reliableRequest(request);
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
