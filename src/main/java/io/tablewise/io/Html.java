package io.tablewise.io;

/** HTML escaping for the generated reports. */
public final class Html {
    /** The reports' shared look: type (Korean fonts included), page width, headings, cards and tables. */
    public static final String REPORT_CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo",NanumGothic,
            "Malgun Gothic",sans-serif;color:#1f2937;background:#f9fafb;margin:0}
            main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}
            h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid #e5e7eb}.muted{color:#6b7280}
            .card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px;margin:8px 0}
            table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #e5e7eb;text-align:right}
            th{color:#6b7280}td.text,th.text{text-align:left}
            """;

    private Html() {
    }

    /** Text safe inside HTML elements and quoted attributes. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
