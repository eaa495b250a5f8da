import Seeded
/// Sentences of field notes, each assembled from several word pools so that no two notes read
/// alike. Mixes full-width and half-width digits and letters the way people actually type.
struct NoteText {
    let cast: CorpusCast

    func heard(_ r: inout SeededRandom, company: CorpusCast.Company) -> String {
        let contact = r.pick(company.contacts)
        let V = Vocabulary.self
        switch r.int(0...7) {
        case 0: return "\(contact.name.split(separator: " ").first ?? "")\(contact.role == "代表取締役" ? "社長" : "さん")によると、\(r.pick(V.products))の\(r.pick(V.metrics))は\(r.pick(V.periods))で\(r.pick(V.changes))。"
        case 1: return "\(r.pick(V.customers))から\(r.pick(V.products))の引き合いが\(r.pick(V.counts))\(r.pick(V.units))あり、\(r.pick(V.worries))のが気がかりだという。"
        case 2: return "「\(r.pick(V.worries))。正直、どこから手をつければいいかわからない」と\(contact.role)の\(contact.name)さん。"
        case 3: return "現場を見せてもらった。\(r.pick(V.strengths))はやはり本物で、\(r.pick(V.products))の仕上がりに表れている。"
        case 4: return "\(r.pick(V.metrics))について数字を聞いた：\(r.pick(V.periods))は\(r.pick(V.counts))\(r.pick(V.units))程度。\(r.pick(V.changes))とのこと。"
        case 5: return "\(r.pick(V.customers))との取引条件が変わり、\(r.pick(V.products))の単価が見直しになった。\(r.pick(V.connectors))\(r.pick(V.worries))。"
        case 6: return "従業員は\(company.employees)名。\(r.pick(V.periods))に\(r.pick(V.counts))名が入れ替わった。ｱﾙﾊﾞｲﾄとパートの比率が上がっている。"
        default: return "\(company.district)の工場の隣地が空いたので、\(r.pick(V.products))のラインを増やすか検討中。ＩｏＴのセンサーも入れたいと話していた。"
        }
    }

    func diagnosis(_ r: inout SeededRandom, company: CorpusCast.Company, partner: CorpusCast.Partner?) -> String {
        let V = Vocabulary.self
        var s: String
        switch r.int(0...5) {
        case 0: s = "\(r.pick(V.connectors))いちばんの課題は「\(r.pick(V.worries))」こと。\(r.pick(V.strengths))を活かせば、\(r.pick(V.customers))向けの展開は十分にありうる。"
        case 1: s = "\(r.pick(V.metrics))の推移から見ると、\(r.pick(V.products))に頼りすぎている。\(r.pick(V.connectors))社内で\(r.pick(V.actions).replacingOccurrences(of: "する", with: "できる"))人がいない。"
        case 2: s = "社長は外の力を借りることにまだ迷いがある。まずは小さく\(r.pick(V.actions))ところから始め、成果を一緒に確かめたい。"
        case 3: s = "\(company.industry)の同業他社でも同じ悩みを聞く。業界全体の流れとして、\(r.pick(V.worries))のは避けられない。"
        case 4: s = "強みは\(r.pick(V.strengths))。弱みは\(r.pick(V.worries))こと。順番としては後者を先に片づける。"
        default: s = "\(r.pick(V.periods))の\(r.pick(V.metrics))が\(r.pick(V.changes))のは一時的な要因が大きい。焦らず\(r.pick(V.counts))か月は様子を見る。"
        }
        if let partner, r.chance(0.5) { s += "[[\(partner.id)]]に相談すれば道筋が見えるはず。" }
        if r.chance(0.15), let other = cast.companies.isEmpty ? nil : r.pick(cast.companies), other.slug != company.slug {
            s += "似た状況だった[[companies/\(other.slug)|\(other.name)さん]]の例が参考になる。"
        }
        if r.chance(0.1), !cast.playbooks.isEmpty { s += "（[[\(r.pick(cast.playbooks).slug)]]を参照）" }
        return s
    }

    func task(_ r: inout SeededRandom) -> String {
        let V = Vocabulary.self
        switch r.int(0...3) {
        case 0: return "\(r.pick(V.actions))（\(r.pick(V.counts))\(r.pick(["日以内", "週間以内", "月末まで"]))）"
        case 1: return "\(r.pick(V.customers))向けの資料を送る"
        case 2: return "\(r.pick(V.metrics))の資料を\(r.pick(["メール", "郵送", "次回持参"]))で受け取る"
        default: return r.pick(V.actions)
        }
    }

    func reflection(_ r: inout SeededRandom) -> String {
        let V = Vocabulary.self
        return "\(r.pick(["社長は", "先方は", "工場長は", "後継者は"]))\(r.pick(V.feelings))。\(r.pick(V.lessons))。\(r.pick(V.connectors))\(r.pick(V.lessons))と感じた。"
    }
}
