import type { ProvisionRecord } from '../core/provision.js';

/**
 * The provisions register: the 24 items of the opinion
 * 《统筹推进城乡义务教育一体化均衡发展的实施意见》, in printed order, ids `'1.1'` … `'8.3'`.
 *
 * `text.zh` is each item's full text exactly as printed in the body of the opinion (from its
 * （一） marker to the closing ） of its 责任单位 parenthetical), including the printed line break
 * in 5.1. `responsibleUnits` expands the printed lists by the rule that a leading 区 applies
 * to every unit that follows it. English titles and summaries are written for junheng; they
 * are not official translations.
 *
 * @category Provisions
 */
export const provisionItems = [
  {
    id: '1.1',
    section: { number: 1, zh: '优化义务教育学校布局', en: 'Optimise the layout of compulsory-education schools' },
    title: {
      zh: '科学规划义务教育学校',
      en: 'Plan compulsory-education schools scientifically',
    },
    text: {
      zh: '（一）科学规划义务教育学校。结合我区“十三五”教育事业发展规划，综合考虑新型城镇化和生育政策调整带来的社会变化，完善全区教育专项规划动态调整机制。进一步整合优化教育资源布局，在新城区配套建设中，按照省教育厅等6部门印发的《X省普通中小学校办学条件标准》和《X省特殊教育学校办学条件标准》建设学校，确保足够的学位供给。积极创建义务教育发展优质均衡县，在财政投入、师资配备等方面重点向农村地区、薄弱学校、新建学校倾斜。深入推进对口帮扶，主城区和优质教育资源按照规划向农村薄弱学校优先辐射。原则上在我区办好一所特殊教育学校，确保特殊儿童接受良好的义务教育。（责任单位：区教育局、发改局、住建局、国土局、规划局、残联，各镇街）',
    },
    summary: {
      en: 'The district keeps its education plan under dynamic review and builds schools in new urban areas to the provincial school-conditions standards for ordinary and special-education schools, so that enough school places exist. Funding and staffing favour rural areas, weak schools and new schools, and the district works to become a county with high-quality balanced compulsory education. In principle the district runs one good special-education school.',
    },
    responsibleUnits: ['区教育局', '区发改局', '区住建局', '区国土局', '区规划局', '区残联', '各镇街'],
    notYetEncoded:
      'Building to the provincial school-conditions standards (X省普通中小学校办学条件标准, X省特殊教育学校办学条件标准) needs provincial figures the opinion does not give; how the school-age population is forecast, and whether the special-education school is run well (办好), are not decided; the dynamic adjustment of the plan, tilting funds and staff toward rural, weak and new schools, and paired assistance (对口帮扶) are qualitative.',
  },
  {
    id: '1.2',
    section: { number: 1, zh: '优化义务教育学校布局', en: 'Optimise the layout of compulsory-education schools' },
    title: {
      zh: '加强城乡居住区配套学校建设',
      en: 'Strengthen the construction of schools attached to urban and rural residential areas',
    },
    text: {
      zh: '（二）加强城乡居住区配套学校建设。调整完善城乡义务教育学校布局规划，并做好与新型城镇化规划、城乡规划、土地利用总体规划的衔接。保障学校建设用地，实行教育用地联审联批制度。要实施“交钥匙”工程，加快城乡居住区配套学校建设，新建居住区首期项目要与配套学校同步建设、同步交付使用。已建成的居住区，要统筹建设配套学校，确保有足够的学位满足学生就近入学需要。在制定控制性详细规划时，有关部门应当征求教育行政部门意见，未按照规划配套建设学校的，不得组织规划核实、不得办理竣工验收备案。结合水、电、路、气等基础设施向农村延伸，在交通便利、公共服务成型的农村地区合理布局义务教育学校。加快乡村寄宿制学校建设，办好乡村小规模学校，保留必要的教学点。合理制定闲置校园校舍综合利用方案，优先用于举办幼儿园或保教点，并严格规范权属确认、用途变更、资产处置等程序。（责任单位：区住建局、国土局、规划局、教育局、发改局、财政局，各镇街）',
    },
    summary: {
      en: 'Schools attached to residential areas are built on a "turnkey" basis: the first phase of a new residential area must be built and handed over together with its school, and a development that did not build its planned school may not pass planning verification or completion-acceptance filing. School land is protected by joint examination and approval, rural schools are sited where transport and public services exist, and idle school premises go first to kindergartens or childcare points.',
    },
    responsibleUnits: ['区住建局', '区国土局', '区规划局', '区教育局', '区发改局', '区财政局', '各镇街'],
    notYetEncoded:
      '同步建设 (building at the same time) needs construction dates, which are not taken; enough places for an existing residential area is checked only as a district total (seatSupply), not per catchment; aligning the layout with other plans, joint examination of school land (联审联批), rural siting, boarding and small schools, and the reuse of idle premises are qualitative.',
  },
  {
    id: '1.3',
    section: { number: 1, zh: '优化义务教育学校布局', en: 'Optimise the layout of compulsory-education schools' },
    title: {
      zh: '聚焦区域教育薄弱环节',
      en: 'Focus on the weak spots of education in the district',
    },
    text: {
      zh: '（三）聚焦区域教育薄弱环节。鼓励优质资源向农村、城乡结合部、教育薄弱地区辐射，促进新建学校、薄弱学校尽快提升办学水平，有效缩小校际差距。鼓励通过举办分校、兼并、托管、联盟、集团化办学等方式放大优质教育资源，到2025年，实现全区义务教育优质资源全覆盖。（责任单位：区教育局）',
    },
    summary: {
      en: 'High-quality resources are to reach rural, peri-urban and weak areas through branch schools, mergers, entrusted management, alliances and school groups, narrowing the gaps between schools. The target is that by 2025 high-quality compulsory-education resources cover the whole district.',
    },
    responsibleUnits: ['区教育局'],
    notYetEncoded:
      'Only the deadline of the by-2025 full-coverage target is tracked (opinionTargets, planning.targets.qualityResourceCoverage); whether coverage is reached is not decided: the opinion does not define 优质资源全覆盖 or how it is measured.',
  },
  {
    id: '2.1',
    section: { number: 2, zh: '加快义务教育学校标准化建设', en: 'Speed up the standardised construction of compulsory-education schools' },
    title: {
      zh: '坚持办学标准',
      en: 'Adhere to school-running standards',
    },
    text: {
      zh: '（一）坚持办学标准。按照省定办学标准规划建设新建学校。对现有学校，组织全面核查，逐一建立台账，对不达标学校，坚持一校一策、综合施策，使其尽快达标。其中，生均占地面积不达标的学校，按照中小学用地控制专项规划，在城镇建设改造时统筹优先解决。无扩大教育用地可能的学校，通过分流生源、控制办学规模等方式，确保校园建设、教育装备等达到省定办学标准。（责任单位：区教育局）',
    },
    summary: {
      en: 'New schools are planned and built to the provincial school-running standard. Every existing school is audited and entered in a register, and each non-compliant school gets its own remedy; schools short of land per pupil are fixed during urban redevelopment or, where no land can be added, by diverting pupils and capping enrolment.',
    },
    responsibleUnits: ['区教育局'],
    notYetEncoded:
      'Only school size is checked (the 优质均衡 limits of 2000 / 2500 pupils). The provincial school-running standard (省定办学标准) itself (land per pupil, buildings, equipment) is held in documents the opinion does not give, so there is no threshold to check.',
  },
  {
    id: '2.2',
    section: { number: 2, zh: '加快义务教育学校标准化建设', en: 'Speed up the standardised construction of compulsory-education schools' },
    title: {
      zh: '规范招生行为',
      en: 'Regulate enrolment conduct',
    },
    text: {
      zh: '（二）规范招生行为。严格按照省定办学标准，核定辖区内义务教育学校招生规模。教育行政部门及各镇街依法承担辖区内义务教育阶段学校的管理责任，落实义务教育免试就近入学政策。不得进行违规和虚假招生宣传；不得自行组织或与社会其他教育机构合作组织以择优、选拔为目的各类考试测试；不得以各类竞赛、考试证书、荣誉证书、学习等级等作为招生入学依据或参考；不得以任何名义分设实验班、重点班、快慢班等；不得以任何名义提前签约录取学生；不得以任何名义收取与入学挂钩的捐资助学款等其他费用。合理确定民办学校招生范围和规模，严格招生计划管理和招生行为。（责任单位：区教育局、物价局，各镇街）',
    },
    summary: {
      en: "Each school's enrolment capacity is set by the provincial standard and admission is exam-free to the nearest school. Schools may not run selective tests, admit on competition results or certificates, stream pupils into experimental, key or fast and slow classes, sign pupils early, or collect donations tied to admission. Private schools' enrolment areas and numbers are set and controlled.",
    },
    responsibleUnits: ['区教育局', '区物价局', '各镇街'],
    notYetEncoded:
      'The scope and size of private-school enrolment (合理确定民办学校招生范围和规模) is a planning decision without a figure and is not encoded.',
  },
  {
    id: '2.3',
    section: { number: 2, zh: '加快义务教育学校标准化建设', en: 'Speed up the standardised construction of compulsory-education schools' },
    title: {
      zh: '建立大班额防控长效机制',
      en: 'Establish a long-term mechanism to prevent and control oversized classes',
    },
    text: {
      zh: '（三）建立大班额防控长效机制。扎实推进解决城镇中小学大班额工作，确保到2025年年底前全面解决城镇中小学大班额问题。依托中小学学籍管理平台，建立班额定期监测、通报制度。统筹考虑城镇化进程、人口流动、户籍管理和计生政策变化等因素，制定完善2025—2025年大班额防控规划，加大城乡居住区配套学校建设，留足教育用地，建立健全教师资源动态调整机制，满足教学需要，构建起大班额防控长效机制，确保不出现新的大班额问题。（责任单位：区教育局、区编办、财政局、国土局、人社局、发改局、住建局，各镇街）',
    },
    summary: {
      en: 'Oversized classes in urban primary and secondary schools must be eliminated by the end of 2025 and no new ones may appear. Class sizes are monitored through the pupil-registration platform with regular reports, and a class-size prevention plan (printed as "2025—2025") is drawn up, backed by residential-area schools, reserved education land and dynamic teacher staffing.',
    },
    responsibleUnits: ['区教育局', '区编办', '区财政局', '区国土局', '区人社局', '区发改局', '区住建局', '各镇街'],
    notYetEncoded:
      'The planning measures of the item (the 2025—2025 prevention plan, land reserved for schools, teacher-resource adjustment) carry no quantities and are not encoded. 确保不出现新的大班额问题 (no new large classes) is not encoded either: it needs two class rosters of the same schools at two dates (a large class in the later one that was not large, or did not exist, in the earlier one), and classSizeReport reads one roster at a time.',
    textNotes: [
      'The target years were flattened in the source: the plan is printed as "制定完善2025—2025年大班额防控规划" and the deadline as the end of 2025. junheng keeps the text as printed and takes target dates as dated parameters defaulting to the printed year, so a user can set the real ones.',
    ],
  },
  {
    id: '3.1',
    section: { number: 3, zh: '深入实施素质教育', en: 'Implement quality-oriented education in depth' },
    title: {
      zh: '培养学生责任意识、创新精神和实践能力',
      en: "Develop pupils' sense of responsibility, spirit of innovation and practical ability",
    },
    text: {
      zh: '（一）培养学生责任意识、创新精神和实践能力。落实立德树人根本任务，将培育和践行社会主义核心价值观融入教育教学全过程。培育中小学生的创新素养，把增强学生社会责任感、创新精神、实践能力作为重点任务贯穿到国民教育全过程。继续实施小学特色文化建设工程，建好用好课程基地、校外综合实践基地。深入开展中小学科技创新活动，提升中小学生科学素养。开展多样化保护生态环境实践活动，培养学生保护环境意识和能力。积极开展“国防教育特色学校”创建，推进国防教育与学科教学深度融合，不断增强青少年国防观念和居安思危的国防意识。（责任单位：区教育局、文明办、环保局、团区委、科协、人武部，各镇街）',
    },
    summary: {
      en: "Moral education and the core socialist values run through all teaching, with pupils' social responsibility, innovation and practical ability as priorities. The district continues its primary-school distinctive-culture project, course and off-campus practice bases, science and technology activities and environmental-protection activities, and creates \"national defence education distinctive schools\".",
    },
    responsibleUnits: ['区教育局', '区文明办', '区环保局', '团区委', '区科协', '区人武部', '各镇街'],
    notComputable:
      'Purely qualitative: it sets educational aims and activities (values, innovation, environmental and national-defence education) with no quantity, threshold or date to compute.',
  },
  {
    id: '3.2',
    section: { number: 3, zh: '深入实施素质教育', en: 'Implement quality-oriented education in depth' },
    title: {
      zh: '加强体育和艺术教育',
      en: 'Strengthen physical education and arts education',
    },
    text: {
      zh: '（二）加强体育和艺术教育。深入开展阳光校园体育运动，保证学生每天在校锻炼一小时，每年开展学生体质健康监测。创建校园足球等新的体育特色项目学校。到2025年，全区中小学生艺术素质测评覆盖率达到100%。（责任单位：区教育局、文体局、体育中心，各镇街）',
    },
    summary: {
      en: "Pupils exercise one hour every day at school and their physical health is monitored every year. New sports-specialist schools, such as campus-football schools, are created. By 2025 the arts-literacy assessment covers 100% of the district's primary and secondary pupils.",
    },
    responsibleUnits: ['区教育局', '区文体局', '区体育中心', '各镇街'],
    notYetEncoded:
      '创建校园足球等新的体育特色项目学校 (new sports-specialist schools) sets no number and is not checked; physical-health monitoring is checked for its date, not its content.',
  },
  {
    id: '3.3',
    section: { number: 3, zh: '深入实施素质教育', en: 'Implement quality-oriented education in depth' },
    title: {
      zh: '减轻学生课业负担',
      en: "Reduce pupils' academic workload",
    },
    text: {
      zh: '（三）减轻学生课业负担。深入推进教育教学改革，严格执行国家课程计划，全面落实国家课程标准，优化教学过程，提高教学质量。加强考试评价研究与管理，推进学生综合素质评价。实行等级加评语的评价方式，建立相应工作机制，严禁公开成绩，不对学校、班级及学生进行排名。统筹控制学生每天书面作业总量。明确相关部门对社会培训机构的管理职责，加强对教育培训机构的监督管理。重视家庭教育，建立家长学校，帮助家长全面学习家庭教育知识，系统掌握家庭教育科学理念和方法。确立家长在家庭教育中的主体责任，构建学校、家庭、社会“三位一体”的综合育人格局。到2025年，以镇、街为单位建立家长学校总校，建校率达100%。（责任单位：区教育局、民政局、人社局、市场监管局、文体局、妇联，各镇街）',
    },
    summary: {
      en: "Schools follow the national curriculum plan and standards, assess pupils by grades plus comments, may not publish marks and do not rank schools, classes or pupils; total daily written homework is controlled. Oversight of private training providers is assigned and parents' schools are set up. By 2025 every town and subdistrict has a head parents' school, an establishment rate of 100%.",
    },
    responsibleUnits: ['区教育局', '区民政局', '区人社局', '区市场监管局', '区文体局', '区妇联', '各镇街'],
    notYetEncoded:
      'The national curriculum plan and standards, comprehensive-quality evaluation, the working mechanism behind grades plus comments, the daily written-homework limit (no figure in the opinion), oversight of training providers and each school\'s own parents\' school are qualitative or carry no figure.',
  },
  {
    id: '4.1',
    section: { number: 4, zh: '提升师资队伍整体水平', en: 'Raise the overall quality of the teaching workforce' },
    title: {
      zh: '加强师德建设',
      en: "Strengthen teachers' professional ethics",
    },
    text: {
      zh: '（一）加强师德建设。建立健全教育、宣传、考核、监督与奖惩相结合的师德建设工作机制。开展形式多样的师德教育，把教师职业理想、职业道德、教风学风以及心理健康教育融入职前培养、准入条件、职后培训和日常管理的全过程。加强师德宣传，树立高尚师德典型，弘扬志愿奉献精神，促进形成重德养德的良好风气。严禁在职教师有偿补课，严禁教师违规收受学生及家长礼品礼金，严禁教师体罚和变相体罚学生。将师德表现作为教师资格定期注册、业绩考核、职务评审、岗位聘用、评优奖励的首要内容。对师德师风问题零容忍，强化底线约束，维护教师队伍良好形象。（责任单位：区教育局、区文明办、人社局，各镇街）',
    },
    summary: {
      en: "A mechanism combining education, publicity, assessment, supervision and rewards and sanctions governs teachers' ethics. Serving teachers may not give paid private tutoring, accept gifts or money from pupils and parents, or use corporal or disguised corporal punishment. Ethics is the first criterion in registration, appraisal, promotion, appointment and awards, with zero tolerance for misconduct.",
    },
    responsibleUnits: ['区教育局', '区文明办', '区人社局', '各镇街'],
    notComputable:
      'Qualitative: it sets ethical rules and prohibitions for teachers with no quantity or threshold; compliance is a matter of conduct and discipline, not calculation.',
  },
  {
    id: '4.2',
    section: { number: 4, zh: '提升师资队伍整体水平', en: 'Raise the overall quality of the teaching workforce' },
    title: {
      zh: '增强教师业务能力',
      en: "Enhance teachers' professional competence",
    },
    text: {
      zh: '（二）增强教师业务能力。加强教师教育，进一步做好新进教师公开招聘工作，形成科学规范、公平公正的选人用人机制，把好教师“入口关”。完善区、校分层分类培训体系，建立教师培训档案，实施5年一周期不少于360学时的教师全员培训制度，重点提升农村教师队伍素质。（责任单位：区教育局、区编办、财政局、人社局，各镇街）',
    },
    summary: {
      en: 'New teachers are recruited by open competition. The district and schools run a layered training system with a training record for each teacher, and every teacher completes at least 360 training hours in each five-year cycle, with emphasis on rural teachers.',
    },
    responsibleUnits: ['区教育局', '区编办', '区财政局', '区人社局', '各镇街'],
    notYetEncoded:
      'Recruitment of new teachers and the layered training system are process requirements without quantities and are not encoded.',
  },
  {
    id: '4.3',
    section: { number: 4, zh: '提升师资队伍整体水平', en: 'Raise the overall quality of the teaching workforce' },
    title: {
      zh: '统筹城乡师资配置',
      en: 'Coordinate the allocation of teachers between urban and rural areas',
    },
    text: {
      zh: '（三）统筹城乡师资配置。全面实施中小学教师“区管校聘”管理改革，统筹城乡教师资源配置。根据农村中小学教师需求，逐步建立义务教育学段教师农村学校服务期制度，使城乡之间、学校之间教师交流轮岗制度化。盘活事业编制存量，用好临时周转编制专户，完善教师招聘机制，统筹调配编内教师资源，着力解决乡村教师结构性缺员和城镇师资不足问题。严禁在有合格教师来源的情况下“有编不补”、长期聘用编外教师。严禁挤占挪用义务教育学校教职工编制。建立免费师范生招生、培养长效机制，持续为农村学校培养高素质的全科教师。（责任单位：区教育局、区编办、人社局、财政局，各镇街）',
    },
    summary: {
      en: 'Teachers are managed by the district and employed by schools (区管校聘), and a rural-school service period makes rotation between urban and rural schools routine. Vacancies must be filled when qualified teachers are available instead of keeping posts empty and hiring non-establishment teachers long-term, staffing quotas may not be diverted, and free teacher-training students are trained for rural schools.',
    },
    responsibleUnits: ['区教育局', '区编办', '区人社局', '区财政局', '各镇街'],
    notYetEncoded:
      'The rural service period (农村学校服务期) has no length in the opinion, and diverting posts (挤占挪用编制) needs data on post use; neither is encoded.',
  },
  {
    id: '4.4',
    section: { number: 4, zh: '提升师资队伍整体水平', en: 'Raise the overall quality of the teaching workforce' },
    title: {
      zh: '健全农村教师待遇保障机制',
      en: "Improve the mechanism guaranteeing rural teachers' pay and conditions",
    },
    text: {
      zh: '（四）健全农村教师待遇保障机制。健全工资管理长效联动机制，确保我区义务教育教师平均工资收入水平不低于我区公务员的平均工资收入水平。全面落实农村教师津贴补贴制度。在核定绩效总量时，向农村学校适当倾斜。落实提高班主任津贴标准、农村义务教育学校教师交通补助、短缺学科教师走教补助政策，纳入绩效工资总量管理。健全完善乡村学校特级教师岗位津贴补贴。加强教师队伍建设，加大对农村教师教育培训的倾斜力度，选派骨干教师赴省内外高水平大学研修培训。实施义务教育教师年度健康体检制度，所需费用从学校公用经费中列支，有条件的可由同级财政单列资金予以保障。建立乡村教师荣誉制度，鼓励吸引社会资金对长期在农村工作的优秀教师进行奖励。落实县域统一的义务教育岗位结构比例政策，完善职称评聘政策，适当向农村学校、薄弱学校倾斜。稳定基层教师队伍，吸引优秀教师向农村学校、薄弱学校流动。加快推进农村教师学校驻地周转宿舍建设，财政部门要加大支持力度。将农村教师周转宿舍纳入当地保障性住房建设范围，支持农村教师使用公积金贷款、低息贷款在城区购买住房。深入实施中小学校长职级制改革，健全校长激励机制，合理确定校长绩效工资水平。（责任单位：区教育局、区编办、财政局、人社局、发改局、住建局，各镇街）',
    },
    summary: {
      en: "The average pay of compulsory-education teachers must be no lower than the average pay of the district's civil servants. Rural teachers receive allowances, a weighting in performance-pay totals, transport and itinerant-teaching subsidies, and homeroom-teacher allowances are raised; every teacher gets an annual health check paid from school public funds. Rural teachers' turnover dormitories are built and counted as affordable housing, and principals move to a rank system.",
    },
    responsibleUnits: ['区教育局', '区编办', '区财政局', '区人社局', '区发改局', '区住建局', '各镇街'],
    notYetEncoded:
      'Allowances, housing, health checks and titles policy are measures without thresholds in the opinion and are not encoded.',
  },
  {
    id: '5.1',
    section: { number: 5, zh: '依法落实义务教育财政投入', en: 'Deliver public funding for compulsory education in accordance with the law' },
    title: {
      zh: '提高城乡义务教育经费保障水平',
      en: 'Raise the level of funding guarantees for urban and rural compulsory education',
    },
    text: {
      zh: '（一）提高城乡义务教育经费保障水平。完善城乡统一、各级政府分项目按比例分担的城乡义务教育经费保障机制，推动“两免一补”资金和生均公用经费基准定额资金随学生流动可携带。统一城乡义务教育学校生均公用经费标准并逐步提高。对农村超过\n100人不足200人的规模较小的学校，按200人核定公用经费；统一城乡义务教育“两免一补”政策，城乡家庭经济困难寄宿生生活费补助范围由在校寄宿生的15%扩大到30%。在安排重大项目和资金投入时优先支持义务教育学校建设。通过政府购买服务、税收激励等机制引导和鼓励社会力量支持义务教育发展。（责任单位：区财政局、教育局、发改局，各镇街）',
    },
    summary: {
      en: 'Compulsory-education funding is shared between levels of government item by item, and the "two exemptions, one subsidy" money and the per-pupil public-funding benchmark follow the pupil; the per-pupil public-funding standard is the same in town and country and rises over time. Rural schools with more than 100 and fewer than 200 pupils are funded as if they had 200. The living subsidy for boarders from families in financial difficulty is widened from 15% to 30% of boarders.',
    },
    responsibleUnits: ['区财政局', '区教育局', '区发改局', '各镇街'],
    notYetEncoded:
      'Encoded: the per-pupil public funding with its floors (publicFunding, allocateBudget), and the 一补 living subsidy with the 30 % coverage (livingSubsidyBudget, livingSubsidyEligibility). Not encoded: 两免 (free tuition and miscellaneous fees, free textbooks), which carries no district figure; 分项目按比例分担 (how each item is shared between levels of government), whose shares are set by the State Council and the province, not the opinion; 随学生流动可携带 (the money following a pupil who moves), which needs transfer data per pupil; 逐步提高 (raising the standard over time), which sets no figure or date — the benchmark in force is a dated parameter; and the priority for compulsory-education projects and the encouragement of social funding, which are qualitative.',
    textNotes: [
      'The printed text breaks the line inside "对农村超过 / 100人" ("超过\\n100人"); junheng keeps the line break as printed. The rule reads: rural schools with more than 100 and fewer than 200 pupils are funded as if they had 200 pupils.',
    ],
  },
  {
    id: '5.2',
    section: { number: 5, zh: '依法落实义务教育财政投入', en: 'Deliver public funding for compulsory education in accordance with the law' },
    title: {
      zh: '加大教育经费综合奖补力度',
      en: 'Increase comprehensive awards and subsidies from education funding',
    },
    text: {
      zh: '（二）加大教育经费综合奖补力度。加强教育经费统筹协调，完善对教育经费转移支付制度，强化对农村地区的支持。完善家庭经济困难学生奖、助学金制度。（责任单位：区财政局、教育局、民政局，各镇街）',
    },
    summary: {
      en: 'Education funds are to be better coordinated and the transfer-payment system improved to strengthen support for rural areas. The system of scholarships and grants for pupils from families in financial difficulty is to be improved. The item gives no amounts or rates.',
    },
    responsibleUnits: ['区财政局', '区教育局', '区民政局', '各镇街'],
    notComputable:
      'States no formula, rate or amount for the transfer payments, awards and subsidies or the scholarships and grants; any figures are held in documents not given.',
  },
  {
    id: '6.1',
    section: { number: 6, zh: '进一步促进义务教育公平', en: 'Further promote equity in compulsory education' },
    title: {
      zh: '完善随迁子女就学政策',
      en: 'Improve schooling policy for children who migrate with their parents',
    },
    text: {
      zh: '（一）完善随迁子女就学政策。强化流入地政府责任，将随迁子女义务教育纳入城镇发展规划和财政保障范围。适应户籍制度改革要求，加强居住证管理，建立随迁子女登记制度，及时沟通有关信息。建立以居住证为主要依据的随迁子女入学政策，随迁子女特别集中的城区，将根据实际情况制定具体办法。坚持以公办学校为主安排随迁子女就学，教育行政部门要提前公开学校空余学位、入学条件、入学程序等，通过信息平台实行入学申请登记。加强随迁子女教育管理服务，实行混合编班和统一管理，保障随迁子女平等接受教育权利。（责任单位：区教育局、发改局、财政局、公安局）',
    },
    summary: {
      en: 'The receiving government is responsible for educating migrant children and budgets for it. Admission rests mainly on the residence permit, with a registration system for migrant children and specific rules for districts where they are concentrated. Migrant children are placed mainly in public schools, which publish vacant places, conditions and procedures in advance, and are taught in mixed classes under unified management.',
    },
    responsibleUnits: ['区教育局', '区发改局', '区财政局', '区公安局'],
    notYetEncoded:
      'Registration, the information platform and mixed classes are process requirements; the district\'s specific admission conditions are inputs (districtConditions), and the opinion sets no share of migrant children in public schools.',
  },
  {
    id: '6.2',
    section: { number: 6, zh: '进一步促进义务教育公平', en: 'Further promote equity in compulsory education' },
    title: {
      zh: '加强留守儿童关爱保护',
      en: 'Strengthen care and protection for left-behind children',
    },
    text: {
      zh: '（二）加强留守儿童关爱保护。落实镇街、村（社区）属地职责，健全完善政府领导、民政牵头、部门联动、家庭尽责、社会参与的农村留守儿童关爱体系。镇街、村（社区）建立关爱帮扶台账，全面掌握农村留守儿童基本情况，在农村社区或学校设置留守儿童关爱室，加强法治教育、安全教育和心理健康教育。要将符合条件的特殊困难流动儿童、留守儿童和家庭经济困难儿童纳入社会救助政策保障范围。强化家庭监护主体责任，依法追究父母或其他监护人不履行监护职责的责任，依法处置各种侵害留守儿童合法权益的违法行为。发挥镇政府、街道办事处和村民（居民）委员会作用，督促外出务工家长履行监护责任。加强监督检查，依法督促落实职工带薪年休假制度，支持外出务工父母定期回乡看望留守儿童。（责任单位：区民政局、教育局、公安局、人社局）',
    },
    summary: {
      en: 'Towns, subdistricts, villages and communities keep a register of rural left-behind children and set up care rooms in rural communities or schools that provide legal, safety and mental-health education. Eligible children in special difficulty are brought into social assistance, parents who neglect guardianship are held legally responsible, and paid annual leave is enforced so that migrant-worker parents can visit.',
    },
    responsibleUnits: ['区民政局', '区教育局', '区公安局', '区人社局'],
    notYetEncoded:
      'The conditions (符合条件) for social assistance are set by the social-assistance rules and the civil-affairs bureau, not by the opinion, and are taken as input (meetsAssistanceConditions). The care system, care rooms, legal, safety and mental-health education, guardianship enforcement and paid annual leave are duties with no quantity.',
  },
  {
    id: '6.3',
    section: { number: 6, zh: '进一步促进义务教育公平', en: 'Further promote equity in compulsory education' },
    title: {
      zh: '统筹县域义务教育一体化发展',
      en: 'Coordinate the integrated development of compulsory education in the county',
    },
    text: {
      zh: '（三）统筹县域义务教育一体化发展。落实《X省中小学办学条件标准》和国家义务教育学校管理标准，启动实施学校办学条件标准化建设提升工程和义务教育管理标准化学校创建工程。完善乡村小规模学校办学机制和管理方法，实行“捆绑评价”，将村小学和教学点纳入对乡村中心学校考核。推进城乡义务教育学校一体化管理体制改革，探索一校多区管理模式，组建学校发展共同体，推动区域教育整体提升。通过城乡结对、学校联盟、学区化办学、名校托管等方式加大对薄弱学校和乡村学校的扶持力度，扩大优质教育资源覆盖面。开发、整合城乡校外教育资源，加大校外教育基地（场所）建设力度。坚持立德树人，扎实推进实施中小学德育课程一体化建设。不断加强学校法治教育，推进依法治校，加强对校园欺凌和暴力的综合治理。探索建立学生意外伤害援助机制和涉校涉生矛盾纠纷调解仲裁机制，推动平安校园建设。进一步完善控辍保学部门协调机制，建立控辍保学目标责任制和联控联保机制，落实区级教育行政部门、镇政府（街道办事处）、村（居）委会、学校和适龄儿童父母或其他监护人控辍保学责任。加强城乡中小学信息化基础条件建设，全面实现宽带网络校校通和多媒体教学设备班班通，实现校园无线网络全覆盖。通过“同步课堂”“名师课堂”“名校网络课堂”等方式，将优质教育资源推送到每个班级。（责任单位：区教育局、公安局，各镇街）',
    },
    summary: {
      en: 'The provincial school-conditions standard and the national school-management standard are applied through standardisation projects, and village schools and teaching points are evaluated together with their township central school ("bundled evaluation"). The item promotes integrated urban-rural school management, school communities and partnerships, and dropout-control responsibility. It requires broadband in every school, multimedia equipment in every class and full campus wireless coverage, with quality lessons pushed to every class online.',
    },
    responsibleUnits: ['区教育局', '区公安局', '各镇街'],
    notYetEncoded:
      'Broadband (per school), multimedia equipment (per class) and campus-wide wireless (per school) coverage and multimedia classrooms per 100 pupils (L7) are assessed; the standardisation projects, bundled evaluation, management reform, school communities, dropout-control responsibility and online classes are management measures with no quantity.',
  },
  {
    id: '6.4',
    section: { number: 6, zh: '进一步促进义务教育公平', en: 'Further promote equity in compulsory education' },
    title: {
      zh: '助力市域义务教育均衡发展',
      en: 'Help balance compulsory education across the city',
    },
    text: {
      zh: '（四）助力市域义务教育均衡发展。统一我区学校办学条件标准，争取市级教育经费支持，进一步提升学校办学条件。完善中小学教职工编制动态调整机制，统筹规划我区教师队伍建设。在我区义务教育基本均衡的基础上，助力探索市域义务教育均衡发展实现路径，促进义务教育优质均衡发展。完善义务教育治理体系，提升义务教育治理能力，推进教育现代化取得重要进展。（责任单位：区教育局、区编办、财政局、人社局，各镇街）',
    },
    summary: {
      en: 'The district unifies its school-conditions standards, seeks city education funding and keeps staffing quotas for school staff under dynamic adjustment. Building on basic balance, it helps explore a path to city-wide balanced and high-quality compulsory education and modernised governance.',
    },
    responsibleUnits: ['区教育局', '区编办', '区财政局', '区人社局', '各镇街'],
    notYetEncoded:
      'Seeking city funding, adjusting staffing establishments and exploring city-wide balance are qualitative; only the assessment of every county of a city (assessCounties) is encoded.',
  },
  {
    id: '7.1',
    section: { number: 7, zh: '全力保障校园和学生安全', en: 'Fully safeguard the safety of campuses and pupils' },
    title: {
      zh: '重视校园及其周边安全管理',
      en: 'Attend to safety management on and around campuses',
    },
    text: {
      zh: '（一）重视校园及其周边安全管理。健全学校安全保障体系和运行机制，落实学校安全保卫专职岗位设置，探索建立学生意外伤害综合保险制度。开展校园周边综合治理，落实监管责任，加强风险排查和整治，完善人防、物防、技防措施，市、县、校监控三级联网平台建立后，积极对接、深入开展平安校园创建活动。健全“校园110”制度，强化警校合作、信息联动和快速应急处置，严厉打击涉校涉生违法犯罪。加强学校食品安全、饮用水卫生和传染病防控，保障学生身体健康。强化校车安全管理，确保学生乘车安全。（责任单位：区教育局、区综治办、公安局、交通局、市场监管局、卫计局，各镇街）',
    },
    summary: {
      en: 'Schools set up dedicated security posts and the district explores comprehensive accident insurance for pupils. Campus surroundings are managed with personnel, physical and technical measures, connected to a city-county-school three-level monitoring network once it exists, and a "campus 110" police-school system is strengthened. Food safety, drinking water, infectious-disease control and school-bus safety are enforced.',
    },
    responsibleUnits: ['区教育局', '区综治办', '区公安局', '区交通局', '区市场监管局', '区卫计局', '各镇街'],
    notYetEncoded:
      'The opinion asks for a full-time security post without a number (junheng reads at least one, a parameter); accident insurance, management of the surroundings, the monitoring network, 校园110, food, water, disease-control and school-bus safety carry no quantity.',
  },
  {
    id: '7.2',
    section: { number: 7, zh: '全力保障校园和学生安全', en: 'Fully safeguard the safety of campuses and pupils' },
    title: {
      zh: '防治学生欺凌和暴力',
      en: 'Prevent and address bullying and violence among pupils',
    },
    text: {
      zh: '（二）防治学生欺凌和暴力。加强中小学生思想道德教育、安全教育和法治教育，培养学生健全人格和健康心理。严格学生日常管理，密切家校沟通，及早发现校园欺凌和暴力事件苗头，及时处置各类违法违规事件，强化教育惩戒和威慑作用，科学有效地实施追踪辅导。（责任单位：区教育局、文明办、综治办、公安局、司法局、妇联、团区委）',
    },
    summary: {
      en: 'Schools strengthen moral, safety and legal education and keep close home-school communication to detect signs of bullying and violence early. Incidents are handled promptly, with educational discipline and follow-up counselling.',
    },
    responsibleUnits: ['区教育局', '区文明办', '区综治办', '区公安局', '区司法局', '区妇联', '团区委'],
    notComputable:
      'Qualitative: it sets duties of education, supervision and response to bullying and violence with no quantity, threshold or date to compute.',
  },
  {
    id: '8.1',
    section: { number: 8, zh: '加强组织保障', en: 'Strengthen organisational support' },
    title: {
      zh: '加强党的领导',
      en: 'Strengthen the leadership of the Party',
    },
    text: {
      zh: '（一）加强党的领导。各镇街、各部门要认真落实党委全面从严治党主体责任，进一步加强新形势下党对城乡义务教育一体化改革发展工作的领导，全面贯彻党的教育方针，坚持社会主义办学方向。高度重视中小学党建工作，建立健全党委统一领导、教育部门具体负责、有关方面齐抓共管的学校党建工作领导体制，全面加强学校党组织建设，推进党组织和党的工作全覆盖，发挥好政治核心作用，切实做好教师思想政治工作，注重从优秀教师中发展党员，充分发挥学校党组织的战斗堡垒作用和党员教师的先锋模范作用。（责任单位：区教育局，各镇街）',
    },
    summary: {
      en: "Towns, subdistricts and departments bear primary responsibility for the Party's leadership of integrated urban-rural compulsory education. Schools build Party organisations to full coverage, do ideological work among teachers and recruit Party members from outstanding teachers.",
    },
    responsibleUnits: ['区教育局', '各镇街'],
    notComputable:
      'Qualitative: it concerns Party leadership and Party-building in schools, with no quantity, threshold or date to compute.',
  },
  {
    id: '8.2',
    section: { number: 8, zh: '加强组织保障', en: 'Strengthen organisational support' },
    title: {
      zh: '严格监督问责',
      en: 'Enforce supervision and accountability strictly',
    },
    text: {
      zh: '（二）严格监督问责。将统筹推进我区城乡义务教育一体化改革发展作为各镇街、各有关部门政绩考核的重要内容。深化义务教育治理结构改革，建立我区城乡义务教育一体化改革发展监测评估机制。教育督导机构要开展督导检查，实行督导检查结果公告制度和限期整改制度，强化督导结果运用。对因工作落实不到位，造成不良社会影响的部门和有关责任人，要严肃问责。（责任单位：区委组织部、区教育局、区委督查室、区政府督查室，各镇街）',
    },
    summary: {
      en: 'Progress on integrating urban and rural compulsory education counts in the performance appraisal of towns, subdistricts and departments, and a monitoring and evaluation mechanism is set up. Inspection results are published and rectification is required within a deadline, and units and officials whose failures cause adverse social effects are held accountable.',
    },
    responsibleUnits: ['区委组织部', '区教育局', '区委督查室', '区政府督查室', '各镇街'],
    notYetEncoded:
      'Publishing inspection results (公告制度), performance appraisal (政绩考核), the monitoring-and-evaluation mechanism and accountability (问责) are qualitative; the due-soon warning period (planning.rectification.dueSoonDays, 30 days) is a junheng default, unverified.',
  },
  {
    id: '8.3',
    section: { number: 8, zh: '加强组织保障', en: 'Strengthen organisational support' },
    title: {
      zh: '营造良好氛围',
      en: 'Create a favourable climate',
    },
    text: {
      zh: '（三）营造良好氛围。各镇街、各部门加大对新型城镇化规划、脱贫攻坚、户籍制度改革、居住证制度、城乡义务教育一体化改革发展工作等的宣传和政策解读力度，在全社会营造关心支持义务教育工作的良好氛围。认真总结成功做法和典型经验，并通过多种形式进行深入宣传和推广，使义务教育改革发展更好地服务于新型城镇化建设和全面建成小康社会奋斗目标。（责任单位：区委宣传部、区教育局，各镇街）',
    },
    summary: {
      en: 'Towns, subdistricts and departments publicise and explain policies on new urbanisation, poverty alleviation, household-registration and residence-permit reform and integrated compulsory education. Successful practices and typical experience are summarised and promoted to build public support for compulsory education.',
    },
    responsibleUnits: ['区委宣传部', '区教育局', '各镇街'],
    notComputable:
      'Qualitative: it asks for publicity and policy explanation, with no quantity, threshold or date to compute.',
  },
] as const satisfies readonly Omit<ProvisionRecord, 'implementedBy'>[];
