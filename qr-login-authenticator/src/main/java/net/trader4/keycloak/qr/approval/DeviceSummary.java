package net.trader4.keycloak.qr.approval;

import java.util.List;

/**
 * How the approval page names the requesting device, in the phone's language: a message key with
 * the browser and the operating system as its parameters {0} and {1}. Browser and system names
 * are products ("Chrome", "Windows") and stay untranslated. A class with getters, not a record:
 * FreeMarker would resolve {@code device.key} to the accessor method instead of its value.
 */
public final class DeviceSummary {

    static final String BROWSER_ON_SYSTEM = "trader4QrDeviceBrowserOnSystem";
    static final String BROWSER = "trader4QrDeviceBrowser";
    static final String SYSTEM = "trader4QrDeviceSystem";
    static final String UNKNOWN = "trader4QrDeviceUnknown";
    static final String ANDROID_APP = "trader4QrDeviceAndroidApp";
    static final String JAVA_PROGRAM = "trader4QrDeviceJavaProgram";
    static final String PYTHON_PROGRAM = "trader4QrDevicePythonProgram";
    static final List<String> KEYS = List.of(BROWSER_ON_SYSTEM, BROWSER, SYSTEM, UNKNOWN, ANDROID_APP, JAVA_PROGRAM, PYTHON_PROGRAM);

    private final String key;
    private final String browser;
    private final String system;

    DeviceSummary(String key, String browser, String system) {
        this.key = key;
        this.browser = browser == null ? "" : browser;
        this.system = system == null ? "" : system;
    }

    public String getKey() {
        return key;
    }

    public String getBrowser() {
        return browser;
    }

    public String getSystem() {
        return system;
    }

    @Override
    public String toString() {
        return key + "(" + browser + ", " + system + ")";
    }
}
