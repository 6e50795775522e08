using System.Globalization;
using System.Net;
using System.Text;
using Hub.Core.Subjects;
using Hub.Functions.WebConsole;

namespace Hub.Functions.Persons;

/// <summary>
/// The data subject's report as a printable Chinese HTML document: one self-contained file (styles inline, no script,
/// no image, no external resource) that prints on A4 with its tables unbroken where it can. Every value is
/// HTML-encoded.
/// </summary>
internal static class SubjectReportDocument
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; color: #111; margin: 2em; line-height: 1.5; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.2em; border-bottom: 2px solid #333; padding-bottom: 0.2em; margin-top: 1.6em; }
        h3 { font-size: 1em; margin-bottom: 0.3em; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.9em; }
        th, td { border: 1px solid #888; padding: 0.25em 0.5em; text-align: left; vertical-align: top; word-break: break-all; }
        th { background: #eee; }
        .meta td:first-child { width: 12em; font-weight: bold; }
        .note { font-size: 0.85em; color: #444; }
        .empty { color: #666; font-style: italic; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } tr, .fact { break-inside: avoid; } th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;

    public static string Render(SubjectReport report, ConsoleLabels labels)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(labels);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>个人信息查阅报告</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n<h1>个人信息查阅报告</h1>\n")
            .Append("<p class=\"note\">依据《个人信息保护法》第四十五条，本报告列出本平台所持有的关于本人的全部信息、信息来源、查看记录与共享记录。</p>\n");

        html.Append("<table class=\"meta\">\n");
        Row(html, "人员编码", report.PersonKey);
        Row(html, "关联编码", report.LinkedKeys.Count == 0 ? "无" : string.Join("、", report.LinkedKeys));
        Row(html, "生成时间", Time(report.ProducedAt));
        Row(html, "统计日期", Day(report.On));
        Row(html, "人员类型", report.Provisional ? "临时人员（报送记录无可用身份证号）" : "已识别人员");
        html.Append("</table>\n");

        Profile(html, report, labels);
        Memberships(html, report, labels);
        Facts(html, report, labels);
        Accesses(html, report, labels);
        Shared(html, report, labels);

        html.Append("<h2>说明</h2>\n<p class=\"note\">")
            .Append(report.TrailCut ? Encode($"查看与共享记录超过 {SubjectReports.MaxTrail} 条，本报告列出最早的部分。") : string.Empty)
            .Append("本报告的生成本身已记入审计日志，将列入下一份报告。如认为某项信息有误，可由经办人提交更正申请，转至该信息的来源部门核实处理；本平台不直接修改部门报送的数据。</p>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Profile(StringBuilder html, SubjectReport report, ConsoleLabels labels)
    {
        html.Append("<h2>一、汇总信息</h2>\n");
        var values = report.Status is { } status ? report.Profile.Append(status with { Value = labels.Of("personStatus." + status.Value, status.Value) }) : report.Profile;
        Table(html, ["项目", "内容", "来源部门", "批次", "截至日期", "其他部门所报不同值"], values.Select(v => new[]
        {
            Attribute(labels, v.Attribute),
            v.Value,
            Source(labels, v.Source),
            v.Batch,
            Day(v.AsOf),
            string.Join("；", v.Others.Select(o => $"{o.Value}（{Source(labels, o.Source)}，{Day(o.AsOf)}）")),
        }));
    }

    private static void Memberships(StringBuilder html, SubjectReport report, ConsoleLabels labels)
    {
        html.Append("<h2>二、特殊群体身份</h2>\n");
        Table(html, ["群体", "来源部门", "起始日期", "终止日期", "当前状态", "明细", "批次"], report.Memberships.Select(m => new[]
        {
            labels.Of("group." + m.Group, m.Group),
            Source(labels, m.Source),
            Day(m.ValidFrom),
            m.LastDay is { } last ? Day(last) : "长期",
            m.Active ? "有效" : "已终止",
            string.Join("；", m.Details.Select(d => $"{Attribute(labels, d.Key)}：{d.Value}")),
            m.Batch,
        }));
    }

    private static void Facts(StringBuilder html, SubjectReport report, ConsoleLabels labels)
    {
        html.Append("<h2>三、各部门报送记录</h2>\n");
        if (report.Facts.Count == 0)
        {
            html.Append("<p class=\"empty\">无。</p>\n");
        }

        foreach (var fact in report.Facts)
        {
            html.Append("<div class=\"fact\">\n<h3>").Append(Encode(Source(labels, fact.Source)))
                .Append(fact.Record.Length > 0 ? Encode($"（{fact.Record}）") : string.Empty).Append("</h3>\n<table class=\"meta\">\n");
            Row(html, "最近批次", fact.LastBatch);
            Row(html, "首次收到", fact.FirstSeenAt is { } first ? Time(first) : "未记录");
            Row(html, "最近更新", Time(fact.UpdatedAt));
            Row(html, "部门停止报送", fact.EndedAt is { } ended ? Time(ended) : "否（仍在报送）");
            foreach (var (attribute, value) in fact.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                Row(html, Attribute(labels, attribute), value);
            }

            html.Append("</table>\n</div>\n");
        }
    }

    private static void Accesses(StringBuilder html, SubjectReport report, ConsoleLabels labels)
    {
        html.Append("<h2>四、查看记录（谁查看过本人信息）</h2>\n");
        Table(html, ["时间", "用户", "角色", "所属区划", "操作", "目的", "结果", "涉及信息项"], report.Accesses.Select(a => new[]
        {
            Time(a.Time),
            a.UserId,
            Roles(labels, a.Role),
            a.Division ?? string.Empty,
            labels.Of("action." + a.Action, a.Action) + (a.BreakGlass ? "（紧急授权）" : string.Empty),
            a.Purpose is { } purpose ? labels.Of("purpose." + purpose, purpose) : string.Empty,
            labels.Of("outcome." + a.Outcome, a.Outcome),
            string.Join("、", a.Fields.Select(f => Attribute(labels, f))),
        }));
    }

    private static void Shared(StringBuilder html, SubjectReport report, ConsoleLabels labels)
    {
        html.Append("<h2>五、共享记录（共享给谁、哪个订阅接收）</h2>\n");
        Table(html, ["时间", "订阅", "方式", "接收方", "角色", "所属区划", "目的", "涉及信息项"], report.SharedWith.Select(d => new[]
        {
            Time(d.Time),
            d.Subscription ?? "未记录",
            d.Mode == "push" ? "平台推送" : "接收方拉取",
            d.Recipient,
            Roles(labels, d.Role),
            d.Division ?? string.Empty,
            d.Purpose is { } purpose ? labels.Of("purpose." + purpose, purpose) : string.Empty,
            string.Join("、", d.Fields.Select(f => Attribute(labels, f))),
        }));
    }

    private static void Table(StringBuilder html, string[] headings, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append("<p class=\"empty\">无。</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        foreach (var heading in headings)
        {
            html.Append("<th>").Append(Encode(heading)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in list)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><td>").Append(Encode(label)).Append("</td><td>").Append(Encode(value)).Append("</td></tr>\n");

    private static string Attribute(ConsoleLabels labels, string attribute) => labels.Of("attr." + attribute, attribute);

    private static string Source(ConsoleLabels labels, string source) => labels.Of("source." + source, source);

    private static string Roles(ConsoleLabels labels, string? roles) =>
        roles is null ? string.Empty : string.Join("、", roles.Split(',').Select(r => labels.Of("role." + r, r)));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Printed in China Standard Time, the calendar of the Hub's users, and saying so.
    private static string Time(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）";
}
