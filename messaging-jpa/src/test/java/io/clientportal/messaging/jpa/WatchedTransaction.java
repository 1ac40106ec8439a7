package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.StoreTransaction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A unit of work that shows a test each call before it runs: the transaction's own, by method name
 * ({@code "takeSeqFor"}), and its areas', by area and method ({@code "messages.insert"}). Tests hold, fail or kill
 * a connection at one of them; everything else runs as the real unit of work does it.
 */
final class WatchedTransaction {

    /** Sees a call before it runs, on the calling thread; may block, or throw to fail the call. */
    @FunctionalInterface
    interface Watcher {
        void before(String call, Object[] args) throws Throwable;
    }

    private WatchedTransaction() {
    }

    static StoreTransaction watch(StoreTransaction tx, Watcher watcher) {
        return proxy(StoreTransaction.class, (method, args) -> {
            if (isArea(method)) {
                Object area = call(tx, method, args);
                String name = method.getName();
                return proxy(method.getReturnType(), (areaMethod, areaArgs) -> {
                    watcher.before(name + "." + areaMethod.getName(), areaArgs);
                    return call(area, areaMethod, areaArgs);
                });
            }
            watcher.before(method.getName(), args);
            return call(tx, method, args);
        });
    }

    /** An area accessor: no arguments, and one of the SPI's interfaces ({@code DirectoryRows}, ...). */
    private static boolean isArea(Method method) {
        Class<?> type = method.getReturnType();
        return method.getParameterCount() == 0 && type.isInterface()
                && type.getPackage() == StoreTransaction.class.getPackage();
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
