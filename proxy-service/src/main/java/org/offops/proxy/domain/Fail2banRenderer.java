package org.offops.proxy.domain;

import java.util.List;

/**
 * Renders the fail2ban side: production's {@code nginx-http-auth} and {@code nginx-botsearch} jails, the
 * {@code nginx-manual-ban} jail (stock filter on a log that never grows, infinite ban: only operators ban there),
 * and one jail + filter per bot rule, all banning with the configured action.
 */
public final class Fail2banRenderer {

    public static final String MANUAL_BAN_JAIL = "nginx-manual-ban";

    private final RenderSettings settings;

    public Fail2banRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    /** {@code /etc/fail2ban/jail.d/offops-nginx.local}. */
    public String jails(List<BotRule> rules) {
        ConfText conf = new ConfText();
        conf.line("# jails of the offops-managed proxy: rendered by offops proxy-service");
        jail(conf, "nginx-http-auth", "nginx-http-auth", settings.logDir() + "/*log");
        jail(conf, "nginx-botsearch", "nginx-botsearch", settings.logDir() + "/*log");
        // the stock filter on fail2ban's own config: a log that never matches, so only manual bans happen here
        jail(conf, MANUAL_BAN_JAIL, "nginx-botsearch", "/etc/fail2ban/fail2ban.conf");
        conf.line("bantime = -1");
        for (BotRule rule : rules) {
            jail(conf, rule.jail(), rule.jail(), settings.logDir() + "/*log");
            conf.line("findtime = " + rule.findTimeSeconds());
            conf.line("maxretry = " + rule.maxRetry());
            conf.line("bantime = " + rule.banTimeSeconds());
        }
        return conf.toString();
    }

    /** {@code /etc/fail2ban/filter.d/offops-<rule>.conf}: matches the {@code main} access-log format. */
    public String filter(BotRule rule) {
        ConfText conf = new ConfText();
        conf.line("# filter of bot rule " + rule.name() + ": rendered by offops proxy-service");
        conf.line("[Definition]");
        String first = "failregex = ";
        String next = "            ";
        String prefix = first;
        for (String agent : rule.userAgents()) {
            conf.line(prefix + escape("^<HOST> - \\S+ \\[\\] \"[A-Z]+ [^\"]*\" \\d+ \\d+ \"[^\"]*\" \"[^\"]*(?:"
                    + agent + ")[^\"]*\""));
            prefix = next;
        }
        for (String path : rule.paths()) {
            conf.line(prefix + escape("^<HOST> - \\S+ \\[\\] \"[A-Z]+ (?:" + path + ")[^\" ]* HTTP/[0-9.]+\""));
            prefix = next;
        }
        conf.line("ignoreregex =");
        conf.line("datepattern = ^[^\\[]*\\[({DATE})");
        conf.line("              {^LN-BEG}");
        return conf.toString();
    }

    private void jail(ConfText conf, String name, String filter, String logPath) {
        conf.blank();
        conf.line("[" + name + "]");
        conf.line("enabled = true");
        conf.line("filter = " + filter);
        conf.line("logpath = " + logPath);
        conf.line("port = 80,443");
        conf.line("banaction = " + settings.banAction());
    }

    /** fail2ban interpolates %(name)s in values: a literal % must be doubled. */
    private static String escape(String regex) {
        return regex.replace("%", "%%");
    }
}
